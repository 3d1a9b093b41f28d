package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AttachmentFileNameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "投诉截图.png|投诉截图.png",
            "客戶投訴 2026年11月.pdf|客戶投訴 2026年11月.pdf",
            "../../etc/passwd|passwd",
            "C:\\Users\\王芳\\Desktop\\发票.jpg|发票.jpg",
            "a\"b<c>d:e?f*g.txt|a_b_c_d_e_f_g.txt",
            "  ..隐藏文件.txt . |隐藏文件.txt",
            "..|attachment",
            "' '|attachment",
    })
    void cleansNamesButKeepsChinese(String raw, String expected) {
        assertThat(AttachmentFileName.clean(raw)).isEqualTo(expected);
    }

    @Test
    void replacesTheVerticalBarLikeOtherCharactersWindowsForbids() {
        assertThat(AttachmentFileName.clean("报价|最终版.xlsx")).isEqualTo("报价_最终版.xlsx");
    }

    @Test
    void dropsControlAndDirectionCharacters() {
        assertThat(AttachmentFileName.clean("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(AttachmentFileName.clean("line\r\nbreak\u0000.txt")).isEqualTo("linebreak.txt");
        assertThat(AttachmentFileName.clean(null)).isEqualTo("attachment");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String cleaned = AttachmentFileName.clean("很".repeat(300) + ".docx");

        assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(200);
        assertThat(cleaned).endsWith("很很.docx");
    }

    @Test
    void charactersOutsideTheBasicPlaneAreNeverCutInHalf() {
        String cleaned = AttachmentFileName.clean("\uD83D\uDCE6".repeat(150) + ".png");

        assertThat(cleaned.length()).isLessThanOrEqualTo(200);
        assertThat(cleaned).endsWith("\uD83D\uDCE6.png");
        assertThat(cleaned.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE))
                .as("no half of a surrogate pair").isTrue();
    }

    @Test
    void composedAndDecomposedFormsBecomeOne() {
        assertThat(AttachmentFileName.clean("Cafe\u0301.txt")).isEqualTo("Caf\u00e9.txt");
    }
}
