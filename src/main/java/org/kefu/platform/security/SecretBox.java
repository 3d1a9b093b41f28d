package org.kefu.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps secrets the desk must give back (mailbox passwords, webhook signing secrets) encrypted at
 * rest: AES-256-GCM with a fresh IV per value, stored as {@code v1:<Base64 of IV + ciphertext + tag>}.
 * The key comes from {@code kefu.secrets.key} (Base64 of 32 bytes, e.g. {@code openssl rand -base64 32},
 * or any passphrase, which is hashed to 32 bytes); without it a random key is created once in
 * {@code ${kefu.data-dir}/secrets.key}. A cluster must set the property, so every node reads what the
 * others wrote. {@link Secrets} only hashes (one-way), which cannot give a password back to a server.
 */
@Component
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SecretBox(@Value("${kefu.secrets.key:}") String configured, @Value("${kefu.data-dir}") String dataDir) {
        this.key = new SecretKeySpec(keyBytes(configured, Path.of(dataDir, "secrets.key")), "AES");
    }

    private static byte[] keyBytes(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            try {
                byte[] decoded = Base64.getDecoder().decode(configured.strip());
                if (decoded.length == 32) {
                    return decoded;
                }
            } catch (IllegalArgumentException notBase64) {
                // a passphrase: hashed below
            }
            return java.util.HexFormat.of().parseHex(Secrets.sha256Hex(configured.strip()));
        }
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            Path temp = Files.createTempFile(file.getParent(), "secrets", ".tmp");
            Files.writeString(temp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                Files.deleteIfExists(temp);
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            log.warn("kefu.secrets.key is not set; stored secrets are encrypted with a key created in {}. "
                    + "Set the property when the desk runs on several nodes.", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key " + file, e);
        }
    }

    /**
     * A 32-byte key for one purpose (e.g. signing public links), derived from the secret key with
     * HMAC-SHA256 over the purpose's name: each purpose gets its own key, none reveals the secret key.
     */
    public byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("kefu-derived-key:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The secret, or null when none is stored; a value sealed with another key cannot be read (IllegalStateException). */
    public String decrypt(String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("The stored secret is not in a known format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The stored secret cannot be decrypted with this desk's key "
                    + "(kefu.secrets.key changed?); enter it again", e);
        }
    }
}
