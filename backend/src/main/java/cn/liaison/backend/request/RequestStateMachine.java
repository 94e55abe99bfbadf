package cn.liaison.backend.request;

import static cn.liaison.backend.request.RequestStatus.ANSWERED;
import static cn.liaison.backend.request.RequestStatus.ASSESSED;
import static cn.liaison.backend.request.RequestStatus.ASSIGNED;
import static cn.liaison.backend.request.RequestStatus.CLOSED;
import static cn.liaison.backend.request.RequestStatus.FORWARDED;
import static cn.liaison.backend.request.RequestStatus.IN_PROGRESS;
import static cn.liaison.backend.request.RequestStatus.RECEIVED;
import static cn.liaison.backend.request.RequestStatus.RESPONDED;
import static cn.liaison.backend.request.RequestStatus.RETURNED;
import static cn.liaison.backend.request.RequestStatus.REWORK;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.request.RequestSnapshot.ExtensionState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides every transition of a request: from which states an action may be taken, who may take
 * it, and where it leads. Read top to bottom, the table is the request loop.
 *
 * <p>Who: <b>supervisor</b> = a city admin, or a unit head whose unit contains the request's unit;
 * <b>handler</b> = the liaison the request is assigned to; <b>unit liaison</b> = any liaison of the
 * request's unit (may sign for a colleague's task; the first to sign wins); <b>owner</b> = the
 * enterprise the request belongs to, or the user who submitted it.
 */
public final class RequestStateMachine {

    private static final Map<Action, Rule> RULES = new EnumMap<>(Action.class);

    static {
        rule(Action.ASSESS, EnumSet.of(RECEIVED, ASSESSED, ASSIGNED, IN_PROGRESS), Who.SYSTEM_OR_SUPERVISOR);
        rule(Action.ASSIGN, EnumSet.of(ASSESSED, ASSIGNED, IN_PROGRESS, REWORK), Who.SYSTEM_OR_SUPERVISOR);
        rule(Action.ACCEPT, EnumSet.of(ASSIGNED), Who.UNIT_LIAISON);
        rule(Action.PROGRESS, EnumSet.of(IN_PROGRESS, REWORK), Who.HANDLER_OR_SUPERVISOR);
        rule(Action.RESPOND, EnumSet.of(IN_PROGRESS, REWORK), Who.HANDLER_OR_SUPERVISOR);
        rule(Action.FORWARD, EnumSet.of(RECEIVED, ASSESSED, ASSIGNED, IN_PROGRESS), Who.SYSTEM_HANDLER_OR_SUPERVISOR);
        // 退单: only a 12345 work order, only before it is signed for (see channelAllows).
        rule(Action.RETURN, EnumSet.of(RECEIVED, ASSESSED, ASSIGNED), Who.SUPERVISOR);
        rule(Action.EXTENSION, EnumSet.of(IN_PROGRESS, REWORK), Who.HANDLER);
        rule(Action.EXTENSION_APPROVE, EnumSet.of(IN_PROGRESS, REWORK), Who.SUPERVISOR);
        rule(Action.EXTENSION_REJECT, EnumSet.of(IN_PROGRESS, REWORK), Who.SUPERVISOR);
        rule(Action.RATE, EnumSet.of(RESPONDED), Who.OWNER);
        rule(Action.CLOSE, EnumSet.of(RESPONDED, ANSWERED), Who.SYSTEM_OR_SUPERVISOR);
        // Neither changes the state: a note is staff-only history, a supplement and an urge come
        // from the enterprise while the request is still being handled.
        rule(Action.NOTE, EnumSet.allOf(RequestStatus.class), Who.STAFF);
        rule(Action.SUPPLEMENT, EnumSet.of(RECEIVED, ASSESSED, ASSIGNED, IN_PROGRESS, REWORK), Who.OWNER);
        rule(Action.URGE, EnumSet.of(RECEIVED, ASSESSED, ASSIGNED, IN_PROGRESS, REWORK), Who.OWNER);
    }

    /** The outcome of an allowed action. */
    public record Decision(RequestStatus from, RequestStatus to) {
    }

    /**
     * @param supervises whether the actor supervises the request's unit (see class comment);
     *                   computed by the caller, which knows the unit tree
     * @throws ActionNotAllowedException when the action cannot be taken in the current state
     * @throws NotPermittedException     when this actor may not take it
     */
    public Decision decide(Command command, RequestSnapshot request, Actor actor, boolean supervises) {
        Action action = command.action();
        Rule rule = RULES.get(action);
        if (rule == null || !rule.from().contains(request.status())) {
            throw new ActionNotAllowedException(request.status(), action, null);
        }
        if (!rule.who().allows(actor, request, supervises)) {
            throw new NotPermittedException(action);
        }
        checkExtension(action, request);
        if (!channelAllows(action, request)) {
            throw new ActionNotAllowedException(request.status(), action, "只有 12345 工单可以退单");
        }
        return new Decision(request.status(), target(command, request.status()));
    }

    /** The actions this actor could take now; shown to clients as buttons. */
    public Set<Action> available(RequestSnapshot request, Actor actor, boolean supervises) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        RULES.forEach((action, rule) -> {
            if (rule.from().contains(request.status()) && rule.who().allows(actor, request, supervises)
                    && extensionAllows(action, request.extension()) && channelAllows(action, request)) {
                actions.add(action);
            }
        });
        return actions;
    }

    private static RequestStatus target(Command command, RequestStatus from) {
        return switch (command.action()) {
            case ASSESS -> ASSESSED;
            case ASSIGN -> from == REWORK ? REWORK : ASSIGNED;
            case ACCEPT -> IN_PROGRESS;
            case RESPOND -> RESPONDED;
            case FORWARD -> FORWARDED;
            case RETURN -> RETURNED;
            case RATE -> ((Command.Rate) command).level().isBad() ? REWORK : CLOSED;
            case CLOSE -> CLOSED;
            default -> from;
        };
    }

    private static void checkExtension(Action action, RequestSnapshot request) {
        if (!extensionAllows(action, request.extension())) {
            String reason = action == Action.EXTENSION ? "每件诉求只能申请一次延期" : "没有待审批的延期申请";
            throw new ActionNotAllowedException(request.status(), action, reason);
        }
    }

    private static boolean extensionAllows(Action action, ExtensionState extension) {
        return switch (action) {
            case EXTENSION -> extension == ExtensionState.NONE;
            case EXTENSION_APPROVE, EXTENSION_REJECT -> extension == ExtensionState.PENDING;
            default -> true;
        };
    }

    private static boolean channelAllows(Action action, RequestSnapshot request) {
        return action != Action.RETURN || request.channel() == Channel.HOTLINE_12345;
    }

    private static void rule(Action action, Set<RequestStatus> from, Who who) {
        RULES.put(action, new Rule(from, who));
    }

    private record Rule(Set<RequestStatus> from, Who who) {
    }

    private enum Who {
        SYSTEM_OR_SUPERVISOR,
        SUPERVISOR,
        HANDLER,
        HANDLER_OR_SUPERVISOR,
        SYSTEM_HANDLER_OR_SUPERVISOR,
        UNIT_LIAISON,
        /** Any staff member who can see the request (the service has already checked the scope). */
        STAFF,
        OWNER;

        boolean allows(Actor actor, RequestSnapshot request, boolean supervises) {
            boolean system = actor.isSystem();
            boolean supervisor = actor.has(Role.CITY_ADMIN) || actor.has(Role.UNIT_HEAD) && supervises;
            boolean handler = actor.has(Role.LIAISON) && actor.id().equals(request.liaisonId());
            return switch (this) {
                case SYSTEM_OR_SUPERVISOR -> system || supervisor;
                case SUPERVISOR -> supervisor;
                case HANDLER -> handler;
                case HANDLER_OR_SUPERVISOR -> handler || supervisor;
                case SYSTEM_HANDLER_OR_SUPERVISOR -> system || handler || supervisor;
                case UNIT_LIAISON -> handler
                        || actor.has(Role.LIAISON) && actor.unitId() != null && actor.unitId().equals(request.unitId());
                case STAFF -> !actor.has(Role.ENTERPRISE) && (actor.has(Role.AGENT) || actor.has(Role.LIAISON)
                        || actor.has(Role.UNIT_HEAD) || actor.has(Role.CITY_ADMIN));
                case OWNER -> actor.id().equals(request.createdById())
                        || actor.has(Role.ENTERPRISE) && actor.enterpriseId() != null
                        && actor.enterpriseId().equals(request.enterpriseId());
            };
        }
    }
}
