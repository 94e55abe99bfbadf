package cn.liaison.backend.request;

import cn.liaison.backend.platform.Published;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.Resolution;
import cn.liaison.bots.domain.ReturnReason;
import cn.liaison.bots.domain.RatingLevel;

import java.util.Objects;

/** An action on a request, with what the actor supplied. Validated on construction. */
@Published
public sealed interface Command {

    Action action();

    /** 研判 again: a unit head changes the type, category or handling unit. */
    record Assess(RequestType type, String category, String unitId, String note) implements Command {
        public Action action() {
            return Action.ASSESS;
        }
    }

    record Assign(String liaisonId, String note) implements Command {
        public Assign {
            requireText(liaisonId, "liaisonId");
        }

        public Action action() {
            return Action.ASSIGN;
        }
    }

    /** 签收. */
    record Accept() implements Command {
        public Action action() {
            return Action.ACCEPT;
        }
    }

    record Progress(String note) implements Command {
        public Progress {
            requireText(note, "note");
        }

        public Action action() {
            return Action.PROGRESS;
        }
    }

    /**
     * 反馈: the result told to the enterprise.
     *
     * @param resolution how far the problem was solved; null means {@code resolved} decides
     *                   (RESOLVED or UNRESOLVED). A 12345 order reports it to the platform.
     */
    record Respond(String result, boolean resolved, Resolution resolution) implements Command {
        public Respond {
            requireText(result, "result");
            resolution = resolution != null ? resolution : resolved ? Resolution.RESOLVED : Resolution.UNRESOLVED;
        }

        public Respond(String result, boolean resolved) {
            this(result, resolved, null);
        }

        public Action action() {
            return Action.RESPOND;
        }
    }

    /** 函转: another department's matter. */
    record Forward(String department, String note) implements Command {
        public Forward {
            requireText(department, "department");
        }

        public Action action() {
            return Action.FORWARD;
        }
    }

    /** 退单: a 12345 work order handed back to the platform, with a reason code. */
    record Return(ReturnReason reason, String note) implements Command {
        public Return {
            Objects.requireNonNull(reason, "reason");
        }

        public Action action() {
            return Action.RETURN;
        }
    }

    /** 延期申请: at most one per request, decided by the unit head. */
    record RequestExtension(int workingDays, String reason) implements Command {
        public RequestExtension {
            if (workingDays < 1 || workingDays > 30) {
                throw new IllegalArgumentException("workingDays");
            }
            requireText(reason, "reason");
        }

        public Action action() {
            return Action.EXTENSION;
        }
    }

    record DecideExtension(boolean approve, String note) implements Command {
        public Action action() {
            return approve ? Action.EXTENSION_APPROVE : Action.EXTENSION_REJECT;
        }
    }

    /** 回访评价. */
    record Rate(RatingLevel level, String comment) implements Command {
        public Rate {
            Objects.requireNonNull(level, "level");
        }

        public Action action() {
            return Action.RATE;
        }
    }

    record Close(String note) implements Command {
        public Action action() {
            return Action.CLOSE;
        }
    }

    /** 内部备注: staff only, never shown to the enterprise. */
    record Note(String note) implements Command {
        public Note {
            requireText(note, "note");
        }

        public Action action() {
            return Action.NOTE;
        }
    }

    /**
     * 补充说明: the enterprise adds information after filing.
     *
     * @param attachmentIds files already stored for this request (the attachments feature supplies
     *                      them; the text API sends none)
     */
    record Supplement(String text, java.util.List<String> attachmentIds) implements Command {
        public Supplement {
            requireText(text, "text");
            attachmentIds = attachmentIds == null ? java.util.List.of() : java.util.List.copyOf(attachmentIds);
        }

        public Action action() {
            return Action.SUPPLEMENT;
        }
    }

    /** 催办: the enterprise presses for an answer, with an optional word. */
    record Urge(String note) implements Command {
        public Action action() {
            return Action.URGE;
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field);
        }
    }
}
