package org.kefu.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateRendererTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    private static TicketFacts facts() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("weight", 12.5);
        custom.put("colours", List.of("红", "蓝"));
        return new TicketFacts("王芳", "zh-CN", "2026-000042", "快递丢失", "ORD-9", "保温杯", "退款",
                Instant.parse("2026-12-24T10:30:00Z"), "李娜", custom);
    }

    @Test
    void everyVariableIsFilledFromTheTicket() {
        String body = "{{customer.name}}|{{ticket.number}}|{{ticket.subject}}|{{ticket.order}}|{{ticket.product}}|"
                + "{{ticket.demand}}|{{ticket.demandDeadline}}|{{agent.name}}|{{date.today}}|{{date.tomorrow}}|"
                + "{{custom.weight}}|{{custom.colours}}";
        var r = TemplateRenderer.render(body, facts().values(TemplateLanguage.ZH_CN, SHANGHAI, NOW), TemplateLanguage.ZH_CN);
        assertThat(r.text()).isEqualTo("王芳|2026-000042|快递丢失|ORD-9|保温杯|退款|2026年12月24日 18:30|李娜|2026年12月2日|"
                + "2026年12月3日|12.5|红、蓝");
        assertThat(r.missing()).isEmpty();
        assertThat(r.complete()).isTrue();
    }

    @Test
    void datesFollowTheLanguage() {
        var r = TemplateRenderer.render("{{ticket.demandDeadline}} / {{date.today}}",
                facts().values(TemplateLanguage.EN, SHANGHAI, NOW), TemplateLanguage.EN);
        assertThat(r.text()).isEqualTo("24 Dec 2026, 18:30 / 2 Dec 2026");
    }

    @Test
    void everyKnownVariableHasItsOwnPlaceholderInEachLanguage() {
        for (TemplateLanguage language : TemplateLanguage.values()) {
            for (String variable : TemplateRenderer.VARIABLES) {
                var r = TemplateRenderer.render("Hi {{" + variable + "}}!", Map.of(), language);
                assertThat(r.missing()).containsExactly(variable);
                assertThat(r.text()).doesNotContain("{{").doesNotContain("}}");
                assertThat(Placeholders.unresolved(r.text())).as(variable + " " + language).isTrue();
            }
        }
        assertThat(TemplateRenderer.render("{{customer.name}}", Map.of(), TemplateLanguage.ZH_CN).text()).isEqualTo("【客户姓名?】");
        assertThat(TemplateRenderer.render("{{customer.name}}", Map.of(), TemplateLanguage.ZH_TW).text()).isEqualTo("【客戶姓名?】");
        assertThat(TemplateRenderer.render("{{customer.name}}", Map.of(), TemplateLanguage.EN).text()).isEqualTo("[customer name?]");
    }

    @Test
    void blankValuesAskAndUnknownVariablesBecomePlaceholders() {
        var r = TemplateRenderer.render("{{ ticket.order }} {{ask.具体解决方案}} {{nonsense}} {{custom.size}}",
                Map.of("ticket.order", "  ", "ask.具体解决方案", "ignored"), TemplateLanguage.ZH_CN);
        assertThat(r.text()).isEqualTo("【订单号?】 【具体解决方案?】 【未知变量 nonsense?】 【自定义字段 size?】");
        assertThat(r.missing()).containsExactly("ticket.order", "ask.具体解决方案", "nonsense", "custom.size");
        assertThat(r.segments()).filteredOn(TemplateRenderer.Segment::placeholder).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{", "a {{ b", "{{{{}}}}", "{{}}", "{{\n}}", "x}}{{y", "{{{customer.name}}}", "{{a{b}}", "{", "{{}"})
    void malformedBracesNeverSurvive(String body) {
        for (TemplateLanguage language : TemplateLanguage.values()) {
            var r = TemplateRenderer.render(body, Map.of("customer.name", "王芳"), language);
            assertThat(r.text()).doesNotContain("{{");
            assertThat(r.html()).doesNotContain("{{");
        }
    }

    @Test
    void valuesCannotInjectBracesOrPlaceholdersOfTheirOwnIntoTheTemplate() {
        var r = TemplateRenderer.render("{{customer.name}}{{ticket.subject}}",
                Map.of("customer.name", "{", "ticket.subject", "{{agent.name}}"), TemplateLanguage.EN);
        assertThat(r.text()).doesNotContain("{{");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void customerTextIsEscapedInTheHtmlPreviewAndPlaceholdersAreMarked() {
        var r = TemplateRenderer.render("<b>{{customer.name}}</b> {{ticket.order}}",
                Map.of("customer.name", "<script>alert(1)</script>\"&'"), TemplateLanguage.ZH_CN);
        assertThat(r.html()).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;")
                .contains("<mark class=\"automation-missing\">【订单号?】</mark>");
        assertThat(r.text()).startsWith("<b><script>");
    }

    @Test
    void badVariablesAreReportedForTheEditor() {
        assertThat(TemplateRenderer.badVariables("{{customer.name}} {{ask.x}} {{custom.k}} {{foo}} {{")).containsExactly("{{foo}}", "{{");
    }

    /** Seeded random templates and values: whatever they hold, no "{{" comes out, and placeholders say what is missing. */
    @Test
    void randomTemplatesNeverProduceBraces() {
        Random random = new Random(20261202L);
        String[] pieces = {"{", "}", "{{", "}}", "{{customer.name}}", "{{ticket.order}}", "{{ask.方案}}", "{{custom.k}}",
                "您好", "Hello ", "\n", "【", "】", "[", "]", "?", " ", "{{ unknown }}", "{{ticket.subject}}", "<", "&"};
        String[] values = {"", " ", "王芳", "{", "{{", "}}", "{{customer.name}}", "<img src=x onerror=alert(1)>", "【x?】"};
        for (int i = 0; i < 5000; i++) {
            StringBuilder body = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                body.append(pieces[random.nextInt(pieces.length)]);
            }
            Map<String, String> v = new LinkedHashMap<>();
            for (String name : List.of("customer.name", "ticket.order", "ticket.subject", "custom.k")) {
                if (random.nextBoolean()) {
                    v.put(name, values[random.nextInt(values.length)]);
                }
            }
            TemplateLanguage language = TemplateLanguage.values()[random.nextInt(3)];
            var r = TemplateRenderer.render(body.toString(), v, language);
            assertThat(r.text()).as("body %s values %s", body, v).doesNotContain("{{");
            assertThat(r.html()).doesNotContain("{{").doesNotContain("<img").doesNotContain("<script");
            if (!r.missing().isEmpty()) {
                assertThat(Placeholders.unresolved(r.text())).as("body %s", body).isTrue();
            }
        }
    }
}
