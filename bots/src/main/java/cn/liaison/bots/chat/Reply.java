package cn.liaison.bots.chat;

import java.util.List;
import java.util.Objects;

/**
 * One bubble the bot sends back. The mini-program renders each type its own way; the WeChat
 * customer-service channel flattens them to text ({@link #plainText()}).
 */
public sealed interface Reply {

    /** The wire name of the type ({@code text}, {@code answer}, ...). */
    String type();

    /** The reply as plain text, for channels that can show nothing else. */
    String plainText();

    record Text(String text) implements Reply {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        public String type() {
            return "text";
        }

        public String plainText() {
            return text;
        }
    }

    /** A knowledge-base answer with its sources; for a service item the whole one-time notice (一次性告知). */
    record Answer(String entryId, String title, String markdown, List<String> topics, List<Source> sources,
                  double confidence) implements Reply {
        public Answer {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(markdown, "markdown");
            topics = List.copyOf(topics);
            sources = List.copyOf(sources);
        }

        public String type() {
            return "answer";
        }

        public String plainText() {
            StringBuilder out = new StringBuilder(markdown.replaceAll("(?m)^#+\\s*", "").replace("**", ""));
            sources.forEach(s -> out.append("\n依据：").append(s.title()));
            return out.toString();
        }
    }

    record Source(String title, String url) {
    }

    /** "Did you mean": at most three entries the user can pick. */
    record Suggestions(List<Suggestion> items) implements Reply {
        public Suggestions {
            items = List.copyOf(items);
        }

        public String type() {
            return "suggestions";
        }

        public String plainText() {
            StringBuilder out = new StringBuilder("您是不是想问：");
            for (int i = 0; i < items.size(); i++) {
                out.append("\n").append(i + 1).append(". ").append(items.get(i).question());
            }
            return out.toString();
        }
    }

    record Suggestion(String entryId, String question) {
    }

    /** What is still needed to submit a request, or a choice to make (confirm, rating). */
    record Form(List<Field> fields) implements Reply {
        public Form {
            fields = List.copyOf(fields);
        }

        public String type() {
            return "form";
        }

        public String plainText() {
            StringBuilder out = new StringBuilder();
            for (Field f : fields) {
                out.append(out.length() == 0 ? "" : "\n").append("请回复").append(f.label());
                if (!f.options().isEmpty()) {
                    out.append("（").append(String.join(" / ", f.options())).append("）");
                }
            }
            return out.toString();
        }
    }

    /** One input; {@code options} empty for free text; {@code value} what is already known. */
    record Field(String name, String label, boolean required, List<String> options, String value) {
        public Field {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(label, "label");
            options = List.copyOf(options);
        }
    }

    /** A request was created (or already existed for this conversation). */
    record RequestCreated(String id, String number, String status) implements Reply {
        public String type() {
            return "request";
        }

        public String plainText() {
            return "诉求编号：" + number;
        }
    }

    /** Not a civil air defence matter: the department that handles it. */
    record Forward(String department, String phone) implements Reply {
        public Forward {
            Objects.requireNonNull(department, "department");
        }

        public String type() {
            return "forward";
        }

        public String plainText() {
            return "该事项由" + department + "负责" + (phone == null ? "" : "，电话 " + phone);
        }
    }
}
