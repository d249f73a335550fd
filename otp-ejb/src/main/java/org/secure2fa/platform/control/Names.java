package org.secure2fa.platform.control;

import org.secure2fa.platform.boundary.InvalidInputException;

/** The name a person gives a project, channel or template: 1 to 200 characters, without outer spaces. */
public final class Names {

    private Names() {
    }

    /** The name as it is stored; an {@link InvalidInputException} on {@code name} when there is none or it is too long. */
    public static String checked(String typed) {
        String trimmed = typed == null ? "" : typed.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw new InvalidInputException("name", "A name of 1 to 200 characters is needed.");
        }
        return trimmed;
    }
}
