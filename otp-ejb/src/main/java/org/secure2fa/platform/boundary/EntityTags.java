package org.secure2fa.platform.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Entity tags of views (records): a digest of the record's text, so any change to what a view shows
 * changes its tag, and the tag is the same on every node and after a restart (unlike identity hash
 * codes of enums inside a record's {@code hashCode}).
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(Record view) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(view.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
