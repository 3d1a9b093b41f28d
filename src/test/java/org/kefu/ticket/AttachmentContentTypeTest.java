package org.kefu.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AttachmentContentTypeTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void knownFormatsAreRecognisedByTheirBytesWhateverTheyClaim() {
        assertThat(AttachmentContentType.of("a.txt", "text/plain", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(AttachmentContentType.of("photo.pdf", "application/pdf", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)))
                .isEqualTo("image/png");
        assertThat(AttachmentContentType.of("x", null, bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo("image/jpeg");
        assertThat(AttachmentContentType.of("x.gif", null, "GIF89a...".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/gif");
    }

    @Test
    void zipAndOleContainersAreNamedByTheirExtension() {
        byte[] zip = bytes('P', 'K', 3, 4, 20, 0, 0, 0);
        byte[] ole = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

        assertThat(AttachmentContentType.of("报价.xlsx", null, zip))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(AttachmentContentType.of("报价.zip", null, zip)).isEqualTo("application/zip");
        assertThat(AttachmentContentType.of("旧合同.doc", null, ole)).isEqualTo("application/msword");
    }

    @Test
    void textIsTypedByExtensionAndMarkupByWhatItIs() {
        byte[] gbk = "订单号,金额\n123,45.6\n".getBytes(Charset.forName("GBK"));

        assertThat(AttachmentContentType.of("订单.csv", "application/vnd.ms-excel", gbk)).isEqualTo("text/csv");
        assertThat(AttachmentContentType.of("说明", "text/plain", "你好".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
        assertThat(AttachmentContentType.of("readme.txt", "text/plain", "<html><body>hi".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/html");
        assertThat(AttachmentContentType.of("logo.png", "image/png",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("image/svg+xml");
    }

    @Test
    void unknownBinaryIsAnOctetStreamWhateverItClaims() {
        assertThat(AttachmentContentType.of("setup.png", "image/png", bytes(0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0)))
                .isEqualTo("application/octet-stream");
        assertThat(AttachmentContentType.of("empty.bin", "image/png", new byte[0])).isEqualTo("text/plain");
    }
}
