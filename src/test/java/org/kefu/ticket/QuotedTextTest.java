package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Quoted history and signatures of real-looking replies are folded; what the writer wrote now stays. */
class QuotedTextTest {

    private final QuotedText quotedText = new QuotedText();

    record Sample(String name, String text, String visible, String quotedStart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sample> samples() {
        return Stream.of(
                new Sample("iPhone reply in Chinese",
                        "好的，谢谢你们这么快处理！\n\n发自我的iPhone\n\n> 在 2026年12月1日，10:12，客服中心 <support@kefu.example> 写道：\n>\n"
                                + "> 您好，您的退款申请已受理。\n",
                        "好的，谢谢你们这么快处理！", "发自我的iPhone"),
                new Sample("iPhone reply in English",
                        "Great, thanks!\n\nSent from my iPhone\n\n> On Dec 1, 2026, at 9:00 PM, Kefu Support <support@kefu.example> wrote:\n>\n"
                                + "> Your order has shipped.\n",
                        "Great, thanks!", "Sent from my iPhone"),
                new Sample("Foxmail reply without > marks",
                        "收到，我再等两天看看。\n\n刘洋\n\n在 2026-12-01 10:12:05，\"客服中心\" <support@kefu.example> 写道：\n"
                                + "您好，您的包裹已重新发出，单号 SF1234567890。\n",
                        "收到，我再等两天看看。\n\n刘洋", "在 2026-12-01 10:12:05"),
                new Sample("Gmail reply, header wrapped over two lines",
                        "Thanks, that works.\n\nOn Tue, Dec 1, 2026 at 10:12 AM Kefu Support <\nsupport@kefu.example> wrote:\n\n"
                                + "> Please try again.\n",
                        "Thanks, that works.", "On Tue, Dec 1, 2026"),
                new Sample("Gmail Chinese reply (于 ... 写道)",
                        "已经收到了，谢谢。\n\n客服中心 <support@kefu.example> 于2026年12月1日周二 上午10:12写道：\n\n> 您好，退款已到账。\n",
                        "已经收到了，谢谢。", "客服中心 <support@kefu.example> 于2026年12月1日"),
                new Sample("Taiwanese reply (於 ... 寫道)",
                        "謝謝，我收到了。\n\n於 2026年12月1日 週二 上午10:12，客服中心 <support@kefu.example> 寫道：\n> 您好，包裹已寄出。\n",
                        "謝謝，我收到了。", "於 2026年12月1日"),
                new Sample("Outlook English reply with From/Sent block",
                        "Please cancel the order.\n\nRegards,\nTom\n\n________________________________\nFrom: Kefu Support <support@kefu.example>\n"
                                + "Sent: Tuesday, December 1, 2026 9:00 PM\nTo: Tom <tom@example.com>\nSubject: Your order\n\nHello Tom,\n",
                        "Please cancel the order.\n\nRegards,\nTom", "________________________________"),
                new Sample("Outlook Chinese reply (发件人/发送时间)",
                        "好的，已收到新发票。\n\n黄磊\n\n发件人: 客服中心 <support@kefu.example>\n发送时间: 2026年12月1日 17:00\n"
                                + "收件人: 黄磊 <huanglei@corp.example.cn>\n主题: 发票问题\n\n您好，新发票已寄出。\n",
                        "好的，已收到新发票。\n\n黄磊", "发件人: 客服中心"),
                new Sample("Outlook Chinese reply with -----原始邮件-----",
                        "好的。\n\n-----原始邮件-----\n发件人: 客服中心 <support@kefu.example>\n发送时间: 2026年12月1日 17:00\n\n您好。\n",
                        "好的。", "-----原始邮件-----"),
                new Sample("QQ Mail reply with ------------------ 原始邮件 ------------------",
                        "还没有收到退款。\n\n\n------------------ 原始邮件 ------------------\n发件人: \"客服中心\"<support@kefu.example>;\n"
                                + "发送时间: 2026年12月1日(星期二) 上午10:12\n收件人: \"王喆\"<12345678@qq.com>;\n主题: 退款\n\n退款已处理。\n",
                        "还没有收到退款。", "------------------ 原始邮件"),
                new Sample("Outlook Traditional Chinese (寄件者/寄件日期)",
                        "了解，謝謝。\n\n寄件者: 客服中心 <support@kefu.example>\n寄件日期: 2026年12月1日 下午 05:00\n收件者: 陳怡君\n主旨: 包裹\n\n您好。\n",
                        "了解，謝謝。", "寄件者: 客服中心"),
                new Sample("-----Original Message-----",
                        "See attached.\n\n-----Original Message-----\nFrom: support@kefu.example\nSent: Monday\n\nHi\n",
                        "See attached.", "-----Original Message-----"),
                new Sample("signature after dash-dash-space",
                        "The parcel arrived damaged.\n\n-- \nAnna Schmidt\nExample GmbH\nTel. +49 30 1234567\n",
                        "The parcel arrived damaged.", "-- \nAnna Schmidt"),
                new Sample("Huawei phone signature",
                        "我要退货。\n\n发自我的华为手机\n",
                        "我要退货。", "发自我的华为手机"),
                new Sample("NetEase mail master signature",
                        "麻烦尽快处理。\n发自网易邮箱大师\n",
                        "麻烦尽快处理。", "发自网易邮箱大师"),
                new Sample("German reply (schrieb)",
                        "Danke!\n\nAm 01.12.2026 um 18:00 schrieb Kefu Support <support@kefu.example>:\n> Hallo\n",
                        "Danke!", "Am 01.12.2026 um 18:00 schrieb"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void foldsQuotedHistoryAndSignatures(Sample sample) {
        MailBody body = quotedText.split(sample.text());
        assertThat(body.visible()).isEqualTo(sample.visible());
        assertThat(body.quoted()).startsWith(sample.quotedStart());
        assertThat(body.hasQuoted()).isTrue();
    }

    static Stream<Sample> keptWhole() {
        return Stream.of(
                new Sample("a plain complaint", "我在11月20日下单的订单至今没有收到。\n请尽快处理。\n\n王喆\n手机：138 0013 8000", null, null),
                new Sample("letter closing 此致 敬礼 and the name stay",
                        "你们的快递员态度很差，要求道歉。\n\n此致\n敬礼！\n\n李娜", null, null),
                new Sample("quoting someone in the text without a reply header",
                        "快递员在单子上写道：\n已签收。\n但我根本没有收到！", null, null),
                new Sample("English 'wrote' in a sentence",
                        "My neighbour wrote:\nthe box was left outside.\nThat is not acceptable.", null, null),
                new Sample("inline answers between quotes stay visible",
                        "> Did you receive the parcel?\nNo.\n> Is the address correct?\nYes, it is.", null, null),
                new Sample("a forwarded message is content, not history",
                        "Please handle this.\n\n---------- Forwarded message ----------\nFrom: 马超 <machao@example.cn>\n"
                                + "Date: Tue, 1 Dec 2026 18:00:00 +0800\nSubject: 物流投诉\n\n快递三天没有更新。", null, null),
                new Sample("'发自内心' is not a phone signature", "谢谢你们。\n发自内心地感谢。", null, null),
                new Sample("dashes in the middle of a long mail are not a signature",
                        "第一点：包装破损\n--\n" + "更多细节。\n".repeat(12) + "结束。", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keptWhole")
    void keepsRealContentVisible(Sample sample) {
        MailBody body = quotedText.split(sample.text());
        assertThat(body.visible()).isEqualTo(sample.text().strip());
        assertThat(body.quoted()).isEmpty();
    }

    @Test
    void whenEverythingLooksQuotedNothingIsFolded() {
        String text = "> 您好，您的退款申请已受理。\n> 客服中心";
        assertThat(quotedText.split(text)).isEqualTo(new MailBody(text, ""));
        String onlyHeader = "On Tue, Dec 1, 2026 at 10:12 AM Kefu Support <support@kefu.example> wrote:\n> Hello";
        assertThat(quotedText.split(onlyHeader).visible()).isEqualTo(onlyHeader);
        assertThat(quotedText.split("发自我的iPhone").visible()).isEqualTo("发自我的iPhone");
    }

    @Test
    void emptyAndNullGiveEmptyParts() {
        assertThat(quotedText.split(null)).isEqualTo(new MailBody("", ""));
        assertThat(quotedText.split("")).isEqualTo(new MailBody("", ""));
        assertThat(quotedText.split("  \n ").hasQuoted()).isFalse();
    }

    @Test
    void windowsLineBreaksAreHandled() {
        MailBody body = quotedText.split("OK\r\n\r\nOn Mon, 30 Nov 2026, support@kefu.example wrote:\r\n> hi\r\n");
        assertThat(body.visible()).isEqualTo("OK");
        assertThat(body.quoted()).isEqualTo("On Mon, 30 Nov 2026, support@kefu.example wrote:\n> hi");
    }

    @Test
    void longTextsAreSplitInLinearTime() {
        String text = "新内容\n" + "> 引用的内容 quoted line\n".repeat(200_000);
        long started = System.nanoTime();
        MailBody body = quotedText.split(text);
        assertThat(body.visible()).isEqualTo("新内容");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
    }
}
