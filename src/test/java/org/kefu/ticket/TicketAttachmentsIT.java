package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kefu.platform.Actor;
import org.kefu.platform.ContentTooLargeException;
import org.kefu.platform.Role;
import org.kefu.support.Api;
import org.kefu.support.Api.FilePart;
import org.kefu.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/** Files on messages and notes over real HTTP (test limits: 256 KB a file, 3 files a message). */
class TicketAttachmentsIT extends IntegrationTest {

    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    @Value("${kefu.data-dir}")
    Path dataDir;

    @Autowired
    TicketWork work;

    @Autowired
    TicketIntake intake;

    @Autowired
    TicketAttachments attachments;

    @Test
    void aReplyWithAChineseNamedFileIsListedOnTheTimelineAndDownloadsIntactForAPermittedAgent() {
        long department = createDepartment("售后部");
        Api agent = agentIn("AGENT", List.of(department), List.of());
        long ticket = openTicket(agent, ticket("屏幕碎了", "收到时屏幕已经碎了", "departmentId", department)).get("id").asLong();
        byte[] png = png(20_000);
        byte[] pdf = ("%PDF-1.7\n" + unique("合同")).getBytes(StandardCharsets.UTF_8);

        Api.Response posted = agent.multipart("/api/v1/tickets/" + ticket + "/messages",
                Map.of("body", "您好，请查看附件中的维修单。"), "attachments",
                List.of(new FilePart("维修单 截图.png", "image/png", png), new FilePart("合同.pdf", "text/plain", pdf)), Map.of());

        assertThat(posted.status()).as(posted.raw()).isEqualTo(201);
        assertThat(posted.body().get("kind").asString()).isEqualTo("REPLY");
        assertThat(posted.body().get("body").asString()).isEqualTo("您好，请查看附件中的维修单。");
        JsonNode files = posted.body().get("attachments");
        assertThat(files).hasSize(2);
        assertThat(files.get(0).get("fileName").asString()).isEqualTo("维修单 截图.png");
        assertThat(files.get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(files.get(0).get("size").asLong()).isEqualTo(png.length);
        assertThat(files.get(1).get("fileName").asString()).isEqualTo("合同.pdf");
        assertThat(files.get(1).get("contentType").asString()).as("sniffed, not the claimed text/plain")
                .isEqualTo("application/pdf");
        String url = files.get(0).get("downloadUrl").asString();
        assertThat(url).isEqualTo("/api/v1/tickets/" + ticket + "/attachments/" + files.get(0).get("id").asLong());

        JsonNode timeline = agent.get("/api/v1/tickets/" + ticket + "/timeline").body().get("items");
        JsonNode reply = entry(timeline, posted.body().get("id").asLong());
        assertThat(reply.get("attachments")).hasSize(2);
        assertThat(reply.get("attachments").get(0).get("fileName").asString()).isEqualTo("维修单 截图.png");
        assertThat(entry(timeline, timeline.get(0).get("id").asLong()).get("attachments")).isEmpty();

        HttpResponse<byte[]> download = agent.download(url);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"___ __.png\"; filename*=UTF-8''%E7%BB%B4%E4%BF%AE%E5%8D%95%20%E6%88%AA%E5%9B%BE.png");
        assertThat(agent.download(files.get(1).get("downloadUrl").asString()).body()).isEqualTo(pdf);
    }

    @Test
    void anAgentOfAnotherDepartmentGets404ForTheFile() {
        long a = createDepartment("附件 A");
        long b = createDepartment("附件 B");
        Api agentB = agentIn("AGENT", List.of(b), List.of());
        long ticketOfA = openTicket(admin, ticket("A 的单子", "x", "departmentId", a)).get("id").asLong();
        long ticketOfB = openTicket(admin, ticket("B 的单子", "x", "departmentId", b)).get("id").asLong();
        JsonNode file = admin.multipart("/api/v1/tickets/" + ticketOfA + "/notes", Map.of("body", "内部资料"), "attachments",
                List.of(new FilePart("内部.txt", "text/plain", unique("机密").getBytes(StandardCharsets.UTF_8))), Map.of())
                .body().get("attachments").get(0);
        long attachmentId = file.get("id").asLong();

        assertThat(admin.download(file.get("downloadUrl").asString()).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> hidden = agentB.download("/api/v1/tickets/" + ticketOfA + "/attachments/" + attachmentId);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(agentB.download("/api/v1/tickets/" + ticketOfB + "/attachments/" + attachmentId).statusCode())
                .as("a visible ticket does not open another ticket's file").isEqualTo(404);
        assertThat(agentB.multipart("/api/v1/tickets/" + ticketOfA + "/messages", Map.of("body", "x"), "attachments",
                List.of(new FilePart("a.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))), Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void anOversizedFileGets413NamingItAndNothingIsWritten() throws Exception {
        long ticket = openTicket(admin, ticket("大附件", "x")).get("id").asLong();
        int entriesBefore = admin.get("/api/v1/tickets/" + ticket + "/timeline?limit=100").body().get("items").size();
        byte[] small = unique("小文件").getBytes(StandardCharsets.UTF_8);
        byte[] big = AttachmentStoreContract.randomBytes(256 * 1024 + 1, System.nanoTime());

        Api.Response refused = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "两个文件"),
                "attachments", List.of(new FilePart("小.txt", "text/plain", small), new FilePart("录像 全程.mp4", "video/mp4", big)),
                Map.of());

        assertThat(refused.status()).as(refused.raw()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString()).contains("录像 全程.mp4").contains("256 KB");
        assertThat(refused.body().get("fileName").asString()).isEqualTo("录像 全程.mp4");
        assertThat(refused.body().get("maxBytes").asLong()).isEqualTo(256 * 1024);
        assertThat(admin.get("/api/v1/tickets/" + ticket + "/timeline?limit=100").body().get("items").size())
                .isEqualTo(entriesBefore);
        assertThat(storedFile(small)).doesNotExist();
        assertThat(storedFile(big)).doesNotExist();
    }

    @Test
    void aFileThatTurnsOutLargerThanAnnouncedLeavesNoMessageBehind() {
        long ticket = openTicket(admin, ticket("谎报大小", "x")).get("id").asLong();
        Actor actor = new Actor(1, "测试", "admin@test.kefu.local", Role.ADMIN, Set.of(), Set.of());
        byte[] big = AttachmentStoreContract.randomBytes(300 * 1024, System.nanoTime());
        int before = admin.get("/api/v1/tickets/" + ticket + "/timeline?limit=100").body().get("items").size();

        assertThatThrownBy(() -> work.postMessage(ticket, "附件", false, actor, List.of(
                NewAttachment.of("ok.txt", "text/plain", "fine".getBytes(StandardCharsets.UTF_8)),
                new NewAttachment("大.bin", null, -1, () -> new ByteArrayInputStream(big)))))
                .isInstanceOf(ContentTooLargeException.class).hasMessageContaining("大.bin");

        assertThat(admin.get("/api/v1/tickets/" + ticket + "/timeline?limit=100").body().get("items").size()).isEqualTo(before);
        assertThat(admin.get("/api/v1/tickets/" + ticket).body().get("status").asString()).isEqualTo("NEW");
        assertThat(storedFile(big)).doesNotExist();
    }

    @Test
    void aTicketOpenedWithFilesHasThemOnTheCustomersFirstMessage() {
        byte[] photo = png(5_000);
        NewTicket mail = new NewTicket("包裹破损", "箱子压坏了，见附件照片。", org.kefu.platform.Channel.EMAIL, null,
                new NewTicket.CustomerRef(unique("mail") + "@example.com", "邮件客户"), null, null, null, null, null,
                null, null, null, null, null, null, null);

        long id = intake.open(mail, Author.SYSTEM, List.of(NewAttachment.of("破损照片.png", "image/png", photo),
                NewAttachment.of("logo.png", "image/png", png(300)).inline("logo@mail"))).getId();

        JsonNode first = admin.get("/api/v1/tickets/" + id + "/messages").body().get("items").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("CUSTOMER_MESSAGE");
        assertThat(first.get("attachments")).hasSize(2);
        assertThat(first.get("attachments").get(1).get("inline").asBoolean()).isTrue();
        assertThat(first.get("attachments").get(1).get("contentId").asString()).isEqualTo("logo@mail");
        assertThat(admin.download(first.get("attachments").get(0).get("downloadUrl").asString()).body()).isEqualTo(photo);
    }

    @Test
    void anUploadOverTheRequestLimitGets413BeforeItIsRead() {
        long ticket = openTicket(admin, ticket("超大请求", "x")).get("id").asLong();
        byte[] huge = AttachmentStoreContract.randomBytes(1024 * 1024, 3);

        Api.Response refused = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "x"), "attachments",
                List.of(new FilePart("huge.bin", "application/octet-stream", huge)), Map.of());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        Api.Response chunked = admin.multipartChunked("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "x"),
                "attachments", List.of(new FilePart("huge.bin", "application/octet-stream", huge)));
        assertThat(chunked.status()).as(chunked.raw()).isEqualTo(413);
        assertThat(chunked.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/tickets/" + ticket + "/messages").body().get("items")).hasSize(1);
    }

    @Test
    void aCustomerReachesFilesOfMessagesAndRepliesOnItsOwnTicketButNeverOfNotes() {
        JsonNode opened = openTicket(admin, ticket("门户客户", "x"));
        long ticket = opened.get("id").asLong();
        long customer = opened.get("customer").get("id").asLong();
        long otherCustomer = openTicket(admin, ticket("别人", "x")).get("customer").get("id").asLong();
        long reply = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "回复"), "attachments",
                List.of(new FilePart("说明.txt", "text/plain", "r".getBytes(StandardCharsets.UTF_8))), Map.of())
                .body().get("attachments").get(0).get("id").asLong();
        long note = admin.multipart("/api/v1/tickets/" + ticket + "/notes", Map.of("body", "内部"), "attachments",
                List.of(new FilePart("内部.txt", "text/plain", "n".getBytes(StandardCharsets.UTF_8))), Map.of())
                .body().get("attachments").get(0).get("id").asLong();

        assertThat(attachments.findForCustomer(ticket, customer, reply).getFileName()).isEqualTo("说明.txt");
        assertThatThrownBy(() -> attachments.findForCustomer(ticket, customer, note))
                .isInstanceOf(org.kefu.platform.NotFoundException.class);
        assertThatThrownBy(() -> attachments.findForCustomer(ticket, otherCustomer, reply))
                .isInstanceOf(org.kefu.platform.NotFoundException.class);
    }

    @Test
    void theOpenApiDescriptionOffersUploadsAndDownloads() {
        String docs = admin.get("/v3/api-docs").raw();

        assertThat(docs).contains("/api/v1/tickets/{id}/attachments/{attachmentId}").contains("multipart/form-data");
    }

    @Test
    void uploadsAreLimitedByTheAttachmentLimitNotTheJsonLimit() {
        long ticket = openTicket(admin, ticket("多个文件", "x")).get("id").asLong();
        List<FilePart> threeFiles = List.of(
                new FilePart("一.bin", "application/octet-stream", AttachmentStoreContract.randomBytes(200 * 1024, 1)),
                new FilePart("二.bin", "application/octet-stream", AttachmentStoreContract.randomBytes(200 * 1024, 2)),
                new FilePart("三.bin", "application/octet-stream", AttachmentStoreContract.randomBytes(200 * 1024, 4)));

        Api.Response accepted = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "600 KB，超过 JSON 上限"),
                "attachments", threeFiles, Map.of());

        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
        assertThat(accepted.body().get("attachments")).hasSize(3);
        assertThat(accepted.body().get("attachments").get(0).get("contentType").asString()).isEqualTo("application/octet-stream");
    }

    @Test
    void moreFilesThanAllowedGet422AndNothingIsWritten() {
        long ticket = openTicket(admin, ticket("文件太多", "x")).get("id").asLong();
        int before = admin.get("/api/v1/tickets/" + ticket + "/timeline?limit=100").body().get("items").size();
        List<FilePart> four = List.of(1, 2, 3, 4).stream()
                .map(i -> new FilePart(i + ".txt", "text/plain", ("第" + i + "个").getBytes(StandardCharsets.UTF_8))).toList();

        Api.Response refused = admin.multipart("/api/v1/tickets/" + ticket + "/notes", Map.of("body", "四个文件"),
                "attachments", four, Map.of());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains("at most 3");
        assertThat(admin.get("/api/v1/tickets/" + ticket + "/timeline?limit=100").body().get("items").size()).isEqualTo(before);
    }

    @Test
    void htmlIsNeverServedAsAPage() {
        long ticket = openTicket(admin, ticket("钓鱼页面", "x")).get("id").asLong();
        byte[] html = "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        JsonNode file = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "看这个", "author", "CUSTOMER"),
                "attachments", List.of(new FilePart("../../发票.txt", "text/plain", html)), Map.of()).body().get("attachments").get(0);

        assertThat(file.get("fileName").asString()).isEqualTo("发票.txt");
        assertThat(file.get("contentType").asString()).isEqualTo("text/html");
        HttpResponse<byte[]> download = admin.download(file.get("downloadUrl").asString());
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox");
        assertThat(download.body()).isEqualTo(html);
    }

    @Test
    void aCustomerMessageWithFilesReopensAndJsonMessagesStillWork() {
        long ticket = openTicket(admin, ticket("客户补充材料", "x")).get("id").asLong();
        admin.put("/api/v1/tickets/" + ticket + "/status", Map.of("status", "PENDING_CUSTOMER"));

        Api.Response customer = admin.multipart("/api/v1/tickets/" + ticket + "/messages",
                Map.of("body", "补充了发票照片", "fromCustomer", "true"), "attachments",
                List.of(new FilePart("发票.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3})),
                Map.of());
        Api.Response json = admin.post("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "收到，谢谢"));

        assertThat(customer.status()).as(customer.raw()).isEqualTo(201);
        assertThat(customer.body().get("kind").asString()).isEqualTo("CUSTOMER_MESSAGE");
        assertThat(customer.body().get("attachments").get(0).get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.body().get("attachments")).isEmpty();
        assertThat(admin.get("/api/v1/tickets/" + ticket).body().get("status").asString()).isEqualTo("OPEN");
        assertThat(admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "x", "author", "AGENT",
                "fromCustomer", "true"), "attachments", List.of(), Map.of()).status()).isEqualTo(400);
        Api.Response blank = admin.multipart("/api/v1/tickets/" + ticket + "/notes", Map.of("body", " "), "attachments",
                List.of(), Map.of());
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.raw()).contains("\"field\":\"body\"");
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyIsStoredOnce() {
        long ticket = openTicket(admin, ticket("重复上传", "x")).get("id").asLong();
        Map<String, String> key = Map.of("Idempotency-Key", unique("upload"));
        List<FilePart> file = List.of(new FilePart("照片.png", "image/png", png(1000)));

        Api.Response first = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "照片"), "attachments", file, key);
        Api.Response retry = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "照片"), "attachments", file, key);
        Api.Response other = admin.multipart("/api/v1/tickets/" + ticket + "/messages", Map.of("body", "照片"), "attachments",
                List.of(new FilePart("照片.png", "image/png", png(1001))), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
        assertThat(other.status()).as("same key, different file").isEqualTo(422);
    }

    @Test
    void filesOfAMergedTicketDownloadThroughTheSurvivor() {
        long survivor = openTicket(admin, ticket("主单", "x")).get("id").asLong();
        long duplicate = openTicket(admin, ticket("重复单", "x")).get("id").asLong();
        byte[] bytes = unique("合并前的附件").getBytes(StandardCharsets.UTF_8);
        admin.multipart("/api/v1/tickets/" + duplicate + "/messages", Map.of("body", "附件", "author", "CUSTOMER"),
                "attachments", List.of(new FilePart("单据.txt", "text/plain", bytes)), Map.of());
        admin.post("/api/v1/tickets/" + survivor + "/merge", Map.of("duplicateId", duplicate));

        JsonNode items = admin.get("/api/v1/tickets/" + survivor + "/timeline?limit=100").body().get("items");
        String url = null;
        for (JsonNode item : items) {
            if (!item.get("attachments").isEmpty()) {
                url = item.get("attachments").get(0).get("downloadUrl").asString();
            }
        }

        assertThat(url).startsWith("/api/v1/tickets/" + survivor + "/attachments/");
        assertThat(admin.download(url).body()).isEqualTo(bytes);
    }

    private Path storedFile(byte[] bytes) {
        String sha = AttachmentStoreContract.sha256(bytes);
        return dataDir.resolve("attachments").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    private static byte[] png(int length) {
        byte[] bytes = AttachmentStoreContract.randomBytes(length, System.nanoTime());
        System.arraycopy(PNG_HEAD, 0, bytes, 0, PNG_HEAD.length);
        return bytes;
    }

    private static JsonNode entry(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no entry " + id + " in " + items);
    }
}
