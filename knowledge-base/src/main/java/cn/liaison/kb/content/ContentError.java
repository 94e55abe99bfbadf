package cn.liaison.kb.content;

/** One problem in the content, printed as {@code file:line: reason}. Line 0 means the whole file. */
public record ContentError(String file, int line, String reason) {
    public ContentError {
        Checks.text(file, "file");
        Checks.text(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative");
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
