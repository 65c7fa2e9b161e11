package news.masthead.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.config.CmsConfig;
import news.masthead.kernel.errors.ApiException;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing secrets must be readable to sign, so they cannot be hashed like API tokens: they are sealed with AES-256-GCM
 * under cms.webhooks.secret-key, bound to their webhook's id (a sealed value copied to another row does not open).
 * A database dump alone does not reveal them.
 */
@ApplicationScoped
class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final String MISSING =
            "Webhooks need cms.webhooks.secret-key (environment: CMS_WEBHOOKS_SECRET_KEY), 32 bytes "
                    + "in base64, the same on every instance, to seal their signing secrets; only the embedded database generates "
                    + "one (into the data directory).";

    @Inject
    CmsConfig cms;

    /** A new secret as Standard Webhooks writes it: whsec_ + base64 of 32 random bytes. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Signer.PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    String seal(UUID webhook, String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = cipher(Cipher.ENCRYPT_MODE, webhook, nonce);
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    String open(UUID webhook, String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, webhook, Arrays.copyOf(all, NONCE_BYTES));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "The signing secret of webhook " + webhook
                            + " does not open with cms.webhooks.secret-key (was the key changed?)",
                    e);
        }
    }

    private Cipher cipher(int mode, UUID webhook, byte[] nonce) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, new SecretKeySpec(key(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        c.updateAAD(webhook.toString().getBytes(StandardCharsets.US_ASCII));
        return c;
    }

    /** Whether a key is configured: without one nothing can be signed, so nothing is created, rotated or sent. */
    boolean configured() {
        return configuredKey().isPresent();
    }

    private Optional<String> configuredKey() {
        return cms.webhooks().secretKey().map(String::trim).filter(s -> !s.isEmpty());
    }

    private byte[] key() {
        String text = configuredKey().orElseThrow(() -> new ApiException.Unavailable(MISSING, 3600));
        byte[] key;
        try {
            key = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cms.webhooks.secret-key is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("cms.webhooks.secret-key must decode to 32 bytes, not " + key.length);
        }
        return key;
    }
}
