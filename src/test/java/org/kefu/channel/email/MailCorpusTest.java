package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kefu.channel.email.ParsedMail.MailKind;
import org.kefu.channel.email.ParsedMail.MailPart;
import org.springframework.util.unit.DataSize;

/** Every sample mail under src/test/resources/mail/corpus parses to what a reader of it sees. */
class MailCorpusTest {

    private final MailParser parser = new JakartaMailParser(DataSize.ofMegabytes(64));

    /**
     * What one corpus mail must give. {@code attachments} is "name:size" joined by "|", "" for none;
     * {@code messageId} "sha256" means the synthetic id from the raw bytes.
     */
    record Expected(String file, String messageId, String fromAddress, String fromName, String subject,
            String textSnippet, MailKind kind, String attachments, String bouncedMessageId) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> corpus() {
        return Stream.of(
                new Expected("01-qq-gbk-lost-parcel.eml", "tencent_8F3C1A2B4D5E6F708192A3B4@qq.com", "12345678@qq.com",
                        "王喆", "投诉：包裹丢失，订单20261120-8841", "快递员电话一直打不通", MailKind.PERSONAL, "", null),
                new Expected("02-163-gb2312-qp.eml", "5f1c2a9b.1a2b.18c3d4e5f60.Coremail.lina_1988@163.com",
                        "lina_1988@163.com", "李娜", "电饭煲内胆有裂痕，要求换货", "内胆有裂痕，要求换货。照片稍后补发", MailKind.PERSONAL, "", null),
                new Expected("03-big5-taiwan.eml", "20261202142000.4F2A@example.com.tw", "yijun.chen@example.com.tw",
                        "陳怡君", "包裹遺失，請協助處理", "物流公司說已經送達，但我沒有收到", MailKind.PERSONAL, "收據.txt:16", null),
                new Expected("04-iso-2022-jp.eml", "jp-0001@example.co.jp", "taro.yamada@example.co.jp", "山田太郎",
                        "商品が届きません", "注文した商品がまだ届いていません", MailKind.PERSONAL, "", null),
                new Expected("05-outlook-html-only.eml",
                        "TYZPR06MB1234ABCD5678EF90@TYZPR06MB1234.apcprd06.prod.outlook.com", "zhang.wei@corp.example.cn",
                        "张伟", "办公椅运输损坏", "详见订单详情 (https://portal.example.cn/orders/7781)。", MailKind.PERSONAL, "", null),
                new Expected("06-iphone-reply.eml", "A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF@icloud.com",
                        "zhaomin@icloud.com", "赵敏", "Re: [#2026-000123] 退款申请", "好的，谢谢你们这么快处理！\n\n发自我的iPhone",
                        MailKind.PERSONAL, "", null),
                new Expected("07-foxmail-reply.eml", "202612011102437981234@foxmail.com", "liuyang@foxmail.com", "刘洋",
                        "回复: [#2026-000124] 包裹重新发出", "写道：\n您好，您的包裹已重新发出，单号 SF1234567890。", MailKind.PERSONAL, "", null),
                new Expected("08-out-of-office-exchange.eml", "oof-7781@corp.example.com", "m.brown@corp.example.com",
                        "Michael Brown", "Automatic reply: [#2026-000130] Your replacement order", "out of the office",
                        MailKind.AUTO_REPLY, "", null),
                new Expected("09-autoreply-subject-only.eml", "question-autoreply@example.cn", "zhoujie@example.cn", "周杰",
                        "自动回复怎么关闭？", "能关掉吗", MailKind.PERSONAL, "", null),
                new Expected("10-autoreply-zh-null-return-path.eml", "autoreply-126-001@126.com", "sunli@126.com", "孙丽",
                        "自动回复: [#2026-000131] 关于您的投诉", "我正在休假", MailKind.AUTO_REPLY, "", null),
                new Expected("11-dsn-postfix-rfc822.eml", "20261202020000.ABC1234@mail.kefu.example",
                        "MAILER-DAEMON@mail.kefu.example", "Mail Delivery System", "Undelivered Mail Returned to Sender",
                        "550 5.1.1 User unknown", MailKind.BOUNCE, "", "reply-2026-000125.2@kefu.example"),
                new Expected("12-dsn-rfc822-headers.eml", "dsn-77@mx.example.cn", "bounce-notice@mx.example.cn", "系统退信",
                        "系统退信：投递失败", "邮箱不存在", MailKind.BOUNCE, "", "reply-2026-000126.1@kefu.example"),
                new Expected("13-mailer-daemon-plain.eml", "qmail-fail-1@qq.com", "MAILER-DAEMON@qq.com", null,
                        "failure notice", "Mailbox not found.", MailKind.BOUNCE, "", "reply-2026-000127.1@kefu.example"),
                new Expected("14-list-mail.eml", "release-5.2@lists.example.org", "announce@lists.example.org",
                        "Example Announcements", "[announce] Release 5.2 is out", "faster search", MailKind.BULK, "", null),
                new Expected("15-newsletter-one-click.eml", "nl-20261202@mall.example.cn", "news@mall.example.cn", "某某商城",
                        "双十二大促提前看", "立即查看 (https://mall.example.cn/sale)", MailKind.BULK, "", null),
                new Expected("16-inline-image-attachments.eml", "attach-16@example.cn", "wufang@example.cn", "吴芳",
                        "商品破损照片和发票", "收到的杯子碎了，见图。", MailKind.PERSONAL,
                        "part-1.png:70|发票.pdf:45|破损照片.jpg:156|退货清单（12月）.xlsx:13", null),
                new Expected("17-forwarded-rfc822.eml", "fwd-17@partner.example", "lee@partner.example", "Agent Lee",
                        "Fwd: 物流投诉", "From: 马超 <machao@example.cn>", MailKind.PERSONAL, "waybill.txt:12", null),
                new Expected("18-broken-base64.eml", "broken-18@example.cn", "someone@example.cn", null, "refund progress",
                        "请帮我查一下退款进度，已经两周了。谢谢！", MailKind.PERSONAL, "", null),
                new Expected("19-missing-charset-utf8.eml", "nocharset-19@example.cn", "hejing@example.cn", "何静",
                        "订单取消申请", "我想取消订单 20261201-0001", MailKind.PERSONAL, "", null),
                new Expected("20-missing-charset-gbk.eml", "nocharset-20@example.cn", "guoqiang@example.cn", "郭强",
                        "发票抬头写错了", "“上海某某科技有限公司”", MailKind.PERSONAL, "", null),
                new Expected("21-missing-message-id.eml", "sha256", "nomsgid@example.com", null, "no id",
                        "has no Message-ID header", MailKind.PERSONAL, "", null),
                new Expected("22-duplicate-headers.eml", "dup-first@example.com", "first@example.com", "First Sender",
                        "first subject", "Duplicated headers.", MailKind.PERSONAL, "", null),
                new Expected("23-very-long-subject.eml", "long-23@example.cn", "long@example.cn", null,
                        "关于订单配送延误以及客服响应缓慢的投诉".repeat(40), "标题很长。", MailKind.PERSONAL, "", null),
                new Expected("24-empty-body.eml", "empty-24@example.com", "empty@example.com", null, "(no text)", "",
                        MailKind.PERSONAL, "", null),
                new Expected("25-attachment-only.eml", "scan-25@example.com", "scanner@example.com", null, "Scan", "",
                        MailKind.PERSONAL, "scan0001.pdf:45", null),
                new Expected("26-iso-8859-15.eml", "de-26@example.de", "juergen@example.de", "Jürgen Müller",
                        "Rückerstattung € 49", "bitte erstatten Sie mir 49 € für die beschädigte Ware.", MailKind.PERSONAL, "", null),
                new Expected("27-windows-1252.eml", "ie-27@example.ie", "sean@example.ie", "O'Brien, Sean",
                        "“Damaged” parcel", "The box was “crushed” – I’d like a replacement…", MailKind.PERSONAL, "", null),
                new Expected("28-windows-1251.eml", "ru-28@example.ru", "ivan@example.ru", "Иван Петров", "Возврат товара",
                        "прошу вернуть деньги за заказ", MailKind.PERSONAL, "", null),
                new Expected("29-junk-references.eml", "junk-29@example.com", "old@example.com", "Old Client",
                        "RE: [#2026-000128] question", "See below.", MailKind.PERSONAL, "", null),
                new Expected("30-html-sanitised.eml", "html-30@example.com", "tester@example.com", null, "html check",
                        "Plain version: see https://example.com/track", MailKind.PERSONAL, "", null),
                new Expected("31-thunderbird-flowed.eml", "tb-31@example.org", "anna@example.org", "Anna Schmidt",
                        "Re: [#2026-000129] warranty", "attached to this reply as you asked.\n\nOn 01.12.2026 18:00",
                        MailKind.PERSONAL, "", null),
                new Expected("32-outlook-zh-reply.eml", "ol-32@corp.example.cn", "huanglei@corp.example.cn", "黄磊",
                        "答复: [#2026-000132] 发票问题", "-----原始邮件-----\n发件人: 客服中心", MailKind.PERSONAL, "", null),
                new Expected("33-multipart-no-boundary-param.eml", "nob-33@example.com", "sloppy@example.com", null,
                        "no boundary", "The generator forgot the boundary parameter.", MailKind.PERSONAL, "", null),
                new Expected("34-unknown-charset.eml", "odd-34@example.cn", "odd@example.cn", null, "odd charset",
                        "退货地址在哪里？", MailKind.PERSONAL, "", null),
                new Expected("35-read-receipt-mdn.eml", "mdn-35@example.com", "reader@example.com", null,
                        "Read: [#2026-000133] your order", "Your message was read", MailKind.AUTO_REPLY, "", null),
                new Expected("36-x-autoreply.eml", "auto-36@sina.com", "qianwei@sina.com", "钱伟", "Re: 您的工单已受理",
                        "这是一封自动回复邮件", MailKind.AUTO_REPLY, "", null),
                new Expected("37-precedence-bulk.eml", "bulk-37@shop.example.com", "promo@shop.example.com", "Promotions",
                        "50% off today", "Big sale.", MailKind.BULK, "", null),
                new Expected("38-iphone-english-reply.eml", "E8C0A8F2-1111-2222-3333-444455556666@example.com",
                        "emily@example.com", "Emily Clark", "Re: [#2026-000134] Order status",
                        "> On Dec 1, 2026, at 9:00 PM, Kefu Support <support@kefu.example> wrote:", MailKind.PERSONAL, "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachSampleMailGivesWhatItsReaderSees(Expected expected) throws Exception {
        byte[] raw = corpusFile(expected.file());
        ParsedMail mail = parser.parse(raw);

        assertThat(mail.messageId()).isEqualTo(expected.messageId().equals("sha256")
                ? "sha256-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)) + "@kefu.invalid"
                : expected.messageId());
        assertThat(mail.from()).isNotNull();
        assertThat(mail.from().address()).isEqualTo(expected.fromAddress());
        assertThat(mail.from().name()).isEqualTo(expected.fromName());
        assertThat(mail.subject()).isEqualTo(expected.subject());
        if (expected.textSnippet().isEmpty()) {
            assertThat(mail.text()).isEmpty();
        } else {
            assertThat(mail.text()).contains(expected.textSnippet());
        }
        assertThat(mail.text()).doesNotContain("\uFFFD");
        assertThat(mail.kind()).isEqualTo(expected.kind());
        assertThat(mail.bouncedMessageId()).isEqualTo(expected.bouncedMessageId());
        assertThat(String.join("|", mail.attachments().stream()
                .map(p -> p.fileName() + ":" + p.content().length).toList())).isEqualTo(expected.attachments());
        assertThat(mail.sentAt()).isNotNull();
        assertThat(mail.to()).isNotEmpty();
    }

    @Test
    void everyFileInTheCorpusHasAnExpectation() throws Exception {
        Path folder = Paths.get(MailCorpusTest.class.getResource("/mail/corpus").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList())
                    .isEqualTo(corpus().map(Expected::file).sorted().toList())
                    .hasSizeGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void repliesCarryTheirThreadIds() throws Exception {
        ParsedMail iphone = parse("06-iphone-reply.eml");
        assertThat(iphone.inReplyTo()).containsExactly("reply-2026-000123.1@kefu.example");
        assertThat(iphone.references()).containsExactly("reply-2026-000123.1@kefu.example");

        ParsedMail thunderbird = parse("31-thunderbird-flowed.eml");
        assertThat(thunderbird.references())
                .containsExactly("ticket-2026-000129@kefu.example", "reply-2026-000129.1@kefu.example");

        ParsedMail junk = parse("29-junk-references.eml");
        assertThat(junk.inReplyTo()).containsExactly("reply-2026-000128.1@kefu.example");
        assertThat(junk.references())
                .containsExactly("ref-a@example.com", "ref-b@example.com", "reply-2026-000128.1@kefu.example");
    }

    @Test
    void returnPathIsEmptyForTheNullPathAndNullWhenAbsent() throws Exception {
        assertThat(parse("08-out-of-office-exchange.eml").returnPath()).isEmpty();
        assertThat(parse("11-dsn-postfix-rfc822.eml").returnPath()).isEmpty();
        assertThat(parse("01-qq-gbk-lost-parcel.eml").returnPath()).isEqualTo("12345678@qq.com");
        assertThat(parse("03-big5-taiwan.eml").returnPath()).isNull();
    }

    @Test
    void addressesAndDatesAreDecoded() throws Exception {
        ParsedMail foxmail = parse("07-foxmail-reply.eml");
        assertThat(foxmail.replyTo()).extracting(ParsedMail.MailAddress::address).containsExactly("liuyang@foxmail.com");
        assertThat(foxmail.to()).extracting(ParsedMail.MailAddress::name).containsExactly("客服中心");
        assertThat(foxmail.sentAt()).isEqualTo(Instant.parse("2026-12-01T03:02:44Z"));

        ParsedMail duplicates = parse("22-duplicate-headers.eml");
        assertThat(duplicates.problems()).anyMatch(p -> p.contains("duplicate Subject"));
        assertThat(duplicates.to()).extracting(ParsedMail.MailAddress::address)
                .containsExactly("support@kefu.example", "other@kefu.example");
    }

    @Test
    void htmlIsSanitisedAndKeepsInlineImages() throws Exception {
        ParsedMail outlook = parse("05-outlook-html-only.eml");
        assertThat(outlook.html()).contains("<b>三把</b>", "href=\"https://portal.example.cn/orders/7781\"")
                .doesNotContain("<script", "onclick", "javascript:", "alert", "<style", "MsoNormal {");
        assertThat(outlook.text()).doesNotContain("alert", "MsoNormal", "<").contains("张伟\n采购部");

        ParsedMail rich = parse("30-html-sanitised.eml");
        assertThat(rich.html()).contains("<b>version</b>", "https://example.com/track")
                .doesNotContain("onload", "onerror", "onmouseover", "<script", "<iframe", "<form", "<input", "steal");

        ParsedMail inline = parse("16-inline-image-attachments.eml");
        assertThat(inline.html()).contains("src=\"cid:logo-16@example.cn\"");
        MailPart image = inline.attachments().get(0);
        assertThat(image.contentId()).isEqualTo("logo-16@example.cn");
        assertThat(image.inline()).isTrue();
        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(inline.attachments().subList(1, 4)).allSatisfy(part -> {
            assertThat(part.inline()).isFalse();
            assertThat(part.contentId()).isNull();
        });
        assertThat(inline.attachments().get(1).content()).startsWith("%PDF".getBytes());

        ParsedMail foxmail = parse("07-foxmail-reply.eml");
        assertThat(foxmail.html()).contains("<blockquote>");
        assertThat(parse("02-163-gb2312-qp.eml").html()).isNull();
    }

    @Test
    void aCustomerForwardingABounceIsNotABounce() throws Exception {
        byte[] bounce = corpusFile("11-dsn-postfix-rfc822.eml");
        String forward = "From: Customer <customer@example.com>\r\nTo: support@kefu.example\r\nSubject: Fwd: bounce\r\n"
                + "Message-ID: <fwd-bounce@example.com>\r\nContent-Type: multipart/mixed; boundary=\"f\"\r\n\r\n"
                + "--f\r\nContent-Type: text/plain\r\n\r\nYour mails to me bounce, why?\r\n"
                + "--f\r\nContent-Type: message/rfc822\r\n\r\n";
        byte[] raw = (forward + new String(bounce, java.nio.charset.StandardCharsets.ISO_8859_1) + "\r\n--f--\r\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ParsedMail mail = parser.parse(raw);
        assertThat(mail.kind()).isEqualTo(MailKind.PERSONAL);
        assertThat(mail.bouncedMessageId()).isNull();
        assertThat(mail.text()).contains("Your mails to me bounce, why?").contains("User unknown");
    }

    @Test
    void brokenContentIsKeptAndNamedInProblems() throws Exception {
        assertThat(parse("18-broken-base64.eml").problems()).anyMatch(p -> p.contains("base64"));
        assertThat(parse("01-qq-gbk-lost-parcel.eml").problems()).isEmpty();
    }

    private ParsedMail parse(String file) throws IOException {
        return parser.parse(corpusFile(file));
    }

    static byte[] corpusFile(String file) throws IOException {
        try (InputStream in = MailCorpusTest.class.getResourceAsStream("/mail/corpus/" + file)) {
            assertThat(in).as(file).isNotNull();
            return in.readAllBytes();
        }
    }

    static List<String> corpusFiles() {
        return corpus().map(Expected::file).toList();
    }
}
