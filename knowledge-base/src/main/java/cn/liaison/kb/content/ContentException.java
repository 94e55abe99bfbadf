package cn.liaison.kb.content;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when content does not validate; carries every error found, not just the first. */
public class ContentException extends RuntimeException {
    private final transient List<ContentError> errors;

    public ContentException(List<ContentError> errors) {
        super(errors.size() + " content error(s):\n"
                + errors.stream().map(ContentError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ContentError> errors() {
        return errors;
    }
}
