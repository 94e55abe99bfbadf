package cn.liaison.kb.content;

/** A topic of the catalogue ({@code topics.yaml}). */
public record Topic(String id, String title, String description) {
    public Topic {
        Checks.text(id, "topic id");
        Checks.text(title, "topic title");
        description = Checks.optionalText(description);
    }
}
