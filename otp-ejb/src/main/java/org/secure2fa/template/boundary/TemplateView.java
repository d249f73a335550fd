package org.secure2fa.template.boundary;

import java.util.List;
import org.secure2fa.platform.boundary.EntityTags;

/** A template with its language versions; the first version is the fallback language. */
public record TemplateView(long id, String name, List<VersionView> versions, long createdAt) implements java.io.Serializable {

    /** The entity tag of this state ({@link EntityTags}). */
    public String tag() {
        return EntityTags.of(this);
    }

    /** The languages, as "en, fr". */
    public String languages() {
        return String.join(", ", versions.stream().map(VersionView::lang).toList());
    }
}
