package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

/** An enterprise's contact person; the phone is shown masked and never logged. */
@Published
public record Contact(String name, String phone) {

    public Contact {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("contact name must not be empty");
        }
    }

    @Override
    public String toString() {
        return "Contact[name=" + name + "]";
    }
}
