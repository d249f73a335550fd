package org.secure2fa.template.boundary;

import java.util.List;

/** A template with its language versions; the first version is the fallback language. */
public record TemplateView(long id, String name, List<VersionView> versions, long createdAt) implements java.io.Serializable {

    /** The languages, as "en, fr". */
    public String languages() {
        return String.join(", ", versions.stream().map(VersionView::lang).toList());
    }
}
