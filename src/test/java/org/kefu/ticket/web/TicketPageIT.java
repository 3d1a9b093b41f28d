package org.kefu.ticket.web;

import org.kefu.support.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kefu.support.Api;
import org.kefu.support.IntegrationTest;
import org.kefu.ticket.Author;
import org.kefu.ticket.TicketNotice;
import org.kefu.ticket.TicketWork;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TicketPageIT extends IntegrationTest {

    @Autowired
    TicketWork work;

    private static final String PASSWORD = "page-pass-12345";

    @Test
    void aTicketOfAnotherDepartmentIsNotFoundOnThePageEither() {
        long mine = createDepartment("我的部门");
        long other = createDepartment("别的部门");
        PageSession agent = agent("孙丽", mine);
        long id = ticketIn(other, "别人的工单");

        assertThat(agent.get("/tickets/" + id).status()).isEqualTo(404);
        assertThat(agent.get("/tickets/" + id + "/timeline").status()).isEqualTo(404);
        assertThat(agent.post("/tickets/" + id + "/messages", Map.of("body", "hi")).status()).isEqualTo(404);
        assertThat(agent.post("/tickets/" + id + "/presence?state=viewing", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/tickets/" + id + "/messages").body().get("items")).hasSize(1);
    }

    @Test
    void theTimelineShowsTheNewestEntriesAndLoadsEarlierOnesOnDemand() {
        long department = createDepartment("长时间线");
        PageSession agent = agent("钱多", department);
        long id = ticketIn(department, "很长的工单");
        for (int i = 1; i <= 60; i++) {
            assertThat(admin.post("/api/v1/tickets/" + id + "/notes", Map.of("body", String.format("备注 %02d", i))).status())
                    .isEqualTo(201);
        }
        String page = agent.get("/tickets/" + id).body();
        assertThat(page).contains("备注 60").contains("备注 11").doesNotContain("备注 10<").contains("加载更早的记录");

        Matcher earlier = Pattern.compile("/tickets/" + id + "/timeline\\?before=([A-Za-z0-9_-]+)").matcher(page);
        assertThat(earlier.find()).isTrue();
        String older = agent.get("/tickets/" + id + "/timeline?before=" + earlier.group(1)).body();
        assertThat(older).contains("备注 10").contains("备注 01").contains("我的快递丢了").doesNotContain("备注 11")
                .doesNotContain("加载更早的记录");
    }

    @Test
    void aReplyWithAStatusAndANoteGoThroughTheSameRulesAsTheApi() {
        long department = createDepartment("回复");
        PageSession agent = agent("周明", department);
        long id = ticketIn(department, "回复测试");

        PageSession.Page sent = agent.post("/tickets/" + id + "/messages",
                Map.of("body", "已为您补发。", "mode", "reply", "status", "PENDING_CUSTOMER"));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.header("HX-Trigger")).isEqualTo(TicketPageController.CHANGED);
        assertThat(sent.body()).contains("回复已发送");
        assertThat(agent.post("/tickets/" + id + "/messages", Map.of("body", "客户很着急", "mode", "note")).status())
                .isEqualTo(200);

        JsonNode ticket = admin.get("/api/v1/tickets/" + id).body();
        assertThat(ticket.get("status").asString()).isEqualTo("PENDING_CUSTOMER");
        JsonNode messages = admin.get("/api/v1/tickets/" + id + "/messages").body().get("items");
        assertThat(messages.get(1).get("body").asString()).isEqualTo("已为您补发。");
        assertThat(messages.get(1).get("authorName").asString()).isEqualTo("周明");
        assertThat(admin.get("/api/v1/tickets/" + id + "/notes").body().get("items").get(0).get("body").asString())
                .isEqualTo("客户很着急");
    }

    @Test
    void aSendWhoseStatusIsRefusedKeepsNothingHalfDone() {
        long department = createDepartment("回滚");
        PageSession agent = agent("吴刚", department);
        long id = ticketIn(department, "回滚测试");
        assertThat(admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "RESOLVED")).status()).isEqualTo(200);

        PageSession.Page refused = agent.post("/tickets/" + id + "/messages",
                Map.of("body", "内部：等仓库回复", "mode", "note", "status", "PENDING_INTERNAL"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("无法从「已解决」改为「等待内部」");
        assertThat(admin.get("/api/v1/tickets/" + id + "/notes").body().get("items")).isEmpty();
    }

    @Test
    void aReplyWithAFileIsStoredListedInTheTimelineAndDownloadedSafely() {
        long department = createDepartment("附件");
        PageSession agent = agent("郑爽", department);
        long id = ticketIn(department, "附件测试");

        PageSession.Page sent = agent.postWithFile("/tickets/" + id + "/messages",
                Map.of("body", "请看附件", "mode", "reply", "status", "PENDING_CUSTOMER"), "投诉截图.txt", "你好，附件");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode reply = admin.get("/api/v1/tickets/" + id + "/messages").body().get("items").get(1);
        assertThat(reply.get("attachments")).hasSize(1);
        long attachmentId = reply.get("attachments").get(0).get("id").asLong();
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isEqualTo("PENDING_CUSTOMER");

        String timeline = agent.get("/tickets/" + id + "/timeline").body();
        String link = "/tickets/" + id + "/attachments/" + attachmentId;
        assertThat(timeline).contains("投诉截图.txt").contains("href=\"" + link + "\"").contains("TXT");

        PageSession.Page download = agent.get(link);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("你好，附件");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"____.txt\"; filename*=UTF-8''%E6%8A%95%E8%AF%89%E6%88%AA%E5%9B%BE.txt");
        assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(download.header("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(download.header("Cache-Control")).contains("no-store");

        assertThat(agent.postWithFile("/tickets/" + id + "/messages", Map.of("body", "没有附件", "mode", "reply"), "", "")
                .status()).as("an empty file input is no attachment").isEqualTo(200);
    }

    @Test
    void aNotesFileIsListedToo() {
        long department = createDepartment("备注附件");
        PageSession agent = agent("郑和", department);
        long id = ticketIn(department, "备注附件测试");
        assertThat(agent.postWithFile("/tickets/" + id + "/messages", Map.of("body", "仓库回执", "mode", "note"),
                "回执.txt", "ok").status()).isEqualTo(200);
        JsonNode note = admin.get("/api/v1/tickets/" + id + "/notes").body().get("items").get(0);
        assertThat(note.get("attachments")).hasSize(1);
        assertThat(agent.get("/tickets/" + id + "/timeline").body()).contains("回执.txt");
    }

    @Test
    void anAgentOfAnotherDepartmentCannotDownloadTheFile() {
        long department = createDepartment("附件甲");
        long other = createDepartment("附件乙");
        PageSession agent = agent("郑甲", department);
        PageSession outsider = agent("郑乙", other);
        long id = ticketIn(department, "附件权限");
        assertThat(agent.postWithFile("/tickets/" + id + "/messages", Map.of("body", "附件", "mode", "note"), "秘密.txt",
                "secret").status()).isEqualTo(200);
        long attachmentId = admin.get("/api/v1/tickets/" + id + "/notes").body().get("items").get(0).get("attachments")
                .get(0).get("id").asLong();

        assertThat(agent.get("/tickets/" + id + "/attachments/" + attachmentId).status()).isEqualTo(200);
        PageSession.Page denied = outsider.get("/tickets/" + id + "/attachments/" + attachmentId);
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.body()).doesNotContain("secret");
        long otherTicket = ticketIn(department, "另一张");
        assertThat(agent.get("/tickets/" + otherTicket + "/attachments/" + attachmentId).status())
                .as("a file is only found under its own ticket").isEqualTo(404);
    }

    @Test
    void anOversizeFileIsRefusedWithAClearMessageAndNothingIsWritten() {
        long department = createDepartment("超大附件");
        PageSession agent = agent("郑大", department);
        long id = ticketIn(department, "超大附件测试");

        PageSession.Page refused = agent.postWithFile("/tickets/" + id + "/messages",
                Map.of("body", "大文件", "mode", "reply", "status", "PENDING_CUSTOMER"), "大文件.txt", "x".repeat(300 * 1024));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("大文件.txt").contains("256 KB").contains("您输入的内容已保留");
        assertThat(admin.get("/api/v1/tickets/" + id + "/messages").body().get("items")).hasSize(1);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isNotEqualTo("PENDING_CUSTOMER");
    }

    @Test
    void anIllegalStatusChangeSaysWhatIsAllowed() {
        long department = createDepartment("状态");
        PageSession agent = agent("冯远", department);
        long id = ticketIn(department, "状态测试");
        PageSession.Page refused = agent.post("/tickets/" + id + "/status", Map.of("status", "CLOSED"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("无法从「新建」改为「已关闭」").contains("已解决");
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("status").asString()).isEqualTo("NEW");

        PageSession.Page resolved = agent.post("/tickets/" + id + "/status", Map.of("status", "RESOLVED"));
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.body()).contains("改为：已关闭").contains("改为：已重开");
    }

    @Test
    void complaintDetailsAreSavedWithTheDeadlineInTheAgentsTimeZone() {
        long department = createDepartment("诉求");
        PageSession agent = agent("陈静", department);
        long id = ticketIn(department, "诉求测试");
        PageSession.Page saved = agent.post("/tickets/" + id + "/details", Map.of("complaintType", "PRODUCT_DEFECT",
                "confirmedProblem", "外包装破损", "demand", "换新", "demandDeadline", "2026-12-24T18:30",
                "productRef", "SKU-1", "orderRef", "ORD-9"));
        assertThat(saved.status()).isEqualTo(200);
        JsonNode t = admin.get("/api/v1/tickets/" + id).body();
        assertThat(t.get("complaintType").asString()).isEqualTo("PRODUCT_DEFECT");
        assertThat(t.get("confirmedProblem").asString()).isEqualTo("外包装破损");
        assertThat(Instant.parse(t.get("demandDeadline").asString())).isEqualTo(Instant.parse("2026-12-24T10:30:00Z"));
        assertThat(saved.body()).contains("value=\"2026-12-24T18:30\"");

        PageSession.Page cleared = agent.post("/tickets/" + id + "/details", Map.of("complaintType", "PRODUCT_DEFECT",
                "confirmedProblem", "外包装破损", "demand", "", "demandDeadline", "", "productRef", "SKU-1", "orderRef", "ORD-9"));
        assertThat(cleared.status()).isEqualTo(200);
        JsonNode after = admin.get("/api/v1/tickets/" + id).body();
        assertThat(after.get("demand").isNull()).isTrue();
        assertThat(after.get("demandDeadline").isNull()).isTrue();

        PageSession.Page bad = agent.post("/tickets/" + id + "/details", Map.of("demandDeadline", "明天"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("请输入有效的日期和时间");
    }

    @Test
    void aBadCustomFieldValueIsShownNextToTheFieldAndKept() {
        String key = "weight" + unique("k").substring(2, 8).replace("-", "");
        Api.Response field = admin.post("/api/v1/custom-fields", Map.of("key", key, "label", "重量", "type", "NUMBER"));
        assertThat(field.status()).as(field.raw()).isEqualTo(201);
        long department = createDepartment("自定义");
        PageSession agent = agent("黄河", department);
        long id = ticketIn(department, "自定义字段");

        PageSession.Page bad = agent.post("/tickets/" + id + "/custom-fields", Map.of("cf." + key, "很重"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("请输入数字").contains("value=\"很重\"");

        assertThat(agent.post("/tickets/" + id + "/custom-fields", Map.of("cf." + key, "12.5")).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("customFields").get(key).asDouble()).isEqualTo(12.5);
    }

    @Test
    void tagsAreAddedAndRemoved() {
        long department = createDepartment("标签");
        PageSession agent = agent("林木", department);
        long id = ticketIn(department, "标签测试");
        assertThat(agent.post("/tickets/" + id + "/tags", Map.of("tags", "加急，退款")).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("tags").toString()).contains("加急").contains("退款");
        assertThat(agent.post("/tickets/" + id + "/tags/remove", Map.of("tag", "加急")).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tickets/" + id).body().get("tags").toString()).doesNotContain("加急").contains("退款");
    }

    @Test
    void ticketsAreLinkedAndMergedByNumber() {
        long department = createDepartment("合并");
        PageSession agent = agent("何平", department);
        long duplicate = ticketIn(department, "重复的工单");
        long survivor = ticketIn(department, "保留的工单");
        String survivorNumber = admin.get("/api/v1/tickets/" + survivor).body().get("number").asString();

        PageSession.Page unknown = agent.post("/tickets/" + duplicate + "/links", Map.of("number", "1999-000001"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("找不到工单 1999-000001");

        PageSession.Page linked = agent.post("/tickets/" + duplicate + "/links",
                Map.of("number", survivorNumber, "relation", "PARENT"));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.body()).contains("#" + survivorNumber).contains("父工单");

        PageSession.Page merged = agent.post("/tickets/" + duplicate + "/merge", Map.of("into", survivorNumber));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.header("HX-Refresh")).isEqualTo("true");
        assertThat(admin.get("/api/v1/tickets/" + duplicate).body().get("mergedIntoId").asLong()).isEqualTo(survivor);
        assertThat(agent.get("/tickets/" + duplicate).body()).contains("此工单已合并到").contains("/tickets/" + survivor);
        assertThat(agent.get("/tickets/" + survivor + "/timeline").body()).contains("将以下工单合并到此工单");
        PageSession.Page late = agent.post("/tickets/" + duplicate + "/messages", Map.of("body", "还在吗？", "mode", "reply"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("此工单已合并到另一工单");
    }

    @Test
    void presenceListsTheOtherAgentsOnTheTicket() {
        long department = createDepartment("在场");
        PageSession li = agent("李娜", department);
        PageSession zhang = agent("张伟", department);
        long id = ticketIn(department, "在场测试");

        assertThat(li.post("/tickets/" + id + "/presence?state=viewing", Map.of()).status()).isEqualTo(204);
        assertThat(zhang.post("/tickets/" + id + "/presence?state=typing", Map.of()).status()).isEqualTo(204);
        assertThat(li.get("/tickets/" + id + "/presence").body()).contains("张伟 正在输入").doesNotContain("李娜");
        assertThat(zhang.get("/tickets/" + id + "/presence").body()).contains("李娜 正在查看").doesNotContain("张伟");

        assertThat(zhang.post("/tickets/" + id + "/presence?state=left", Map.of()).status()).isEqualTo(204);
        assertThat(li.get("/tickets/" + id + "/presence").body()).doesNotContain("张伟");
        assertThat(li.post("/tickets/" + id + "/presence?state=dancing", Map.of()).status()).isEqualTo(422);
    }

    @Test
    void eventsReadAsSentences() {
        long department = createDepartment("事件");
        PageSession agent = agent("罗兰", department);
        long id = ticketIn(department, "事件测试");
        admin.patch("/api/v1/tickets/" + id, Map.of("priority", "P1", "complaintType", "SERVICE_ERROR"));
        admin.put("/api/v1/tickets/" + id + "/status", Map.of("status", "PENDING_CUSTOMER"));
        admin.post("/api/v1/tickets/" + id + "/tags", Map.of("tags", List.of("VIP回访")));
        String timeline = agent.get("/tickets/" + id + "/timeline").body();
        assertThat(timeline).contains("将优先级从 P3 中 改为 P1 紧急").contains("将投诉类型设为「服务失误」")
                .contains("将状态从「新建」改为「等待客户」").contains("添加了标签 VIP回访");
    }

    @Test
    void whatTheOpenerSetsIsPartOfTheOpeningEvent() {
        long department = createDepartment("开单");
        PageSession agent = agent("赵敏", department);
        long id = openTicket(admin, ticket("开单即设", "我的快递丢了", "departmentId", department,
                "complaintType", "SERVICE_ERROR", "tags", List.of("加急"))).get("id").asLong();

        JsonNode events = admin.get("/api/v1/tickets/" + id + "/timeline?kind=EVENT").body().get("items");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("eventType").asString()).isEqualTo("CREATED");
        assertThat(events.get(0).get("eventData").get("initial").toString())
                .contains("FIELD_CHANGED", "complaintType", "SERVICE_ERROR", "TAGS_CHANGED", "加急");
        assertThat(agent.get("/tickets/" + id + "/timeline").body())
                .contains("创建了工单").contains("将投诉类型设为「服务失误」").contains("添加了标签 加急");

        admin.post("/api/v1/tickets/" + id + "/tags", Map.of("tags", List.of("加急", "回访")));
        assertThat(admin.get("/api/v1/tickets/" + id + "/timeline?kind=EVENT").body().get("items")).hasSize(2);
    }

    @Test
    void aNoticeFromAnotherModuleReadsInTheReadersLanguageWithItsTextEscaped() {
        long department = createDepartment("通知");
        PageSession agent = agent("白雪", department);
        long id = ticketIn(department, "通知测试");
        work.recordNotice(id, TicketNotice.warning("ticket.event.other", "<b>x</b>", "投递失败"), Author.SYSTEM);

        String timeline = agent.get("/tickets/" + id + "/timeline").body();
        assertThat(timeline).contains("class=\"event warning\"").contains("&lt;b&gt;x&lt;/b&gt;：投递失败")
                .doesNotContain("<b>x</b>");
        assertThat(agent.get("/tickets/" + id + "/timeline?lang=en").body()).contains("&lt;b&gt;x&lt;/b&gt;: 投递失败");
    }

    @Test
    void thePageSpeaksTheAgentsLanguage() {
        long department = createDepartment("语言");
        PageSession agent = agent("Mia", department);
        long id = ticketIn(department, "Language");
        assertThat(agent.get("/tickets/" + id + "?lang=en").body()).contains("Send reply").contains("Internal note")
                .contains("Complaint type");
        assertThat(agent.get("/tickets/" + id + "?lang=zh-TW").body()).contains("傳送回覆").contains("內部備註");
        assertThat(agent.get("/tickets/" + id + "?lang=zh-CN").body()).contains("发送回复").contains("内部备注");
    }

    private PageSession agent(String name, long department) {
        String email = unique("page") + "@test.kefu.local";
        Api.Response r = admin.post("/api/v1/agents", Map.of("email", email, "displayName", name, "role", "AGENT",
                "departmentIds", List.of(department), "teamIds", List.of(), "password", PASSWORD));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return PageSession.signIn(port, email, PASSWORD);
    }

    @Test
    void aCustomersQuotedHistoryIsFoldedBehindAToggle() {
        long department = createDepartment("引用折叠");
        PageSession agent = agent("周杰", department);
        long id = openTicket(admin, ticket("退款", "好的，谢谢！\n\n发自我的iPhone\n\n"
                + "> 在 2026年12月1日，10:12，客服中心 <support@kefu.example> 写道：\n> 您的退款已受理。",
                "departmentId", department, "priority", "P3")).get("id").asLong();

        String timeline = agent.get("/tickets/" + id + "/timeline").body();
        int folded = timeline.indexOf("<details class=\"quoted\">");
        assertThat(folded).isPositive();
        assertThat(timeline.substring(0, folded)).contains("好的，谢谢！").doesNotContain("您的退款已受理");
        assertThat(timeline.substring(folded)).contains("显示引用内容").contains("发自我的iPhone").contains("您的退款已受理")
                .contains("&lt;support@kefu.example&gt;");
    }

    private long ticketIn(long department, String subject) {
        return openTicket(admin, ticket(subject, "我的快递丢了", "departmentId", department, "priority", "P3"))
                .get("id").asLong();
    }
}
