package org.secure2fa.project.boundary;

/** A new or rotated secret with its project's public key, shown once; never logged. */
public record IssuedKeys(long projectId, String publicKey, String secretKey) {

    @Override
    public String toString() {
        return "IssuedKeys[" + projectId + ", " + publicKey + ", secret hidden]";
    }
}
