package org.kefu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every UI text exists in 简体中文, 繁體中文 and English, and no translation is left empty. */
class MessageBundlesInStepTest {

    @ParameterizedTest
    @ValueSource(strings = {"platform", "workspace", "ticket", "portal", "admin", "sla", "email", "chat", "channel",
            "routing", "escalation", "priority", "goals", "insight", "knowledge", "automation", "bot"})
    void everyKeyExistsInAllThreeLanguages(String bundle) throws IOException {
        Properties simplified = load(bundle + ".properties");
        for (String variant : new String[] {"_zh_TW", "_en"}) {
            Properties other = load(bundle + variant + ".properties");
            assertThat(keys(other)).as(bundle + variant + " keys").isEqualTo(keys(simplified));
            other.forEach((k, v) -> assertThat(v.toString()).as(bundle + variant + " " + k).isNotBlank());
        }
    }

    private static Set<String> keys(Properties p) {
        return new TreeSet<>(p.stringPropertyNames());
    }

    private static Properties load(String name) throws IOException {
        try (InputStream in = MessageBundlesInStepTest.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}
