package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.RatingLevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.auth.Role;
import cn.liaison.backend.request.RequestSnapshot.ExtensionState;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestStateMachineTest {

    private final RequestStateMachine machine = new RequestStateMachine();
    private final Actor liaison = new Actor("l1", "张联络", Set.of(Role.LIAISON), "district-pukou", null);
    private final Actor colleague = new Actor("l2", "李联络", Set.of(Role.LIAISON), "district-pukou", null);
    private final Actor otherUnit = new Actor("l3", "王联络", Set.of(Role.LIAISON), "park-pukou", null);
    private final Actor head = new Actor("h1", "赵科长", Set.of(Role.UNIT_HEAD), "district-pukou", null);
    private final Actor enterprise = new Actor("u1", "企业用户", Set.of(Role.ENTERPRISE), null, "e1");

    private RequestSnapshot request(RequestStatus status, ExtensionState extension) {
        return new RequestSnapshot("r1", 3, status, Channel.MINIPROGRAM, RequestType.DEMAND, "district-pukou",
                "l1", "e1", "u1", extension);
    }

    @Test
    void anyLiaisonOfTheUnitMaySignForAnAssignedTask() {
        var decision = machine.decide(new Command.Accept(), request(RequestStatus.ASSIGNED, null), colleague, false);

        assertEquals(RequestStatus.ASSIGNED, decision.from());
        assertEquals(RequestStatus.IN_PROGRESS, decision.to());
    }

    @Test
    void liaisonOfAnotherUnitMayNotSignFor() {
        assertThrows(NotPermittedException.class,
                () -> machine.decide(new Command.Accept(), request(RequestStatus.ASSIGNED, null), otherUnit, false));
    }

    @Test
    void signingForATaskAlreadyInProgressIsNotAllowedAndNamesTheState() {
        ActionNotAllowedException e = assertThrows(ActionNotAllowedException.class,
                () -> machine.decide(new Command.Accept(), request(RequestStatus.IN_PROGRESS, null), colleague, false));

        assertEquals(RequestStatus.IN_PROGRESS, e.current());
        assertTrue(e.getMessage().contains("IN_PROGRESS"), e.getMessage());
    }

    @Test
    void ratingBeforeAResponseIsNotAllowed() {
        assertThrows(ActionNotAllowedException.class, () -> machine.decide(
                new Command.Rate(RatingLevel.SATISFIED, null), request(RequestStatus.IN_PROGRESS, null), enterprise, false));
    }

    @Test
    void badRatingOpensReworkAndGoodRatingCloses() {
        RequestSnapshot responded = request(RequestStatus.RESPONDED, null);

        assertEquals(RequestStatus.REWORK, machine.decide(new Command.Rate(RatingLevel.DISSATISFIED, "没解决"),
                responded, enterprise, false).to());
        assertEquals(RequestStatus.REWORK, machine.decide(new Command.Rate(RatingLevel.VERY_DISSATISFIED, null),
                responded, enterprise, false).to());
        assertEquals(RequestStatus.CLOSED, machine.decide(new Command.Rate(RatingLevel.BASICALLY_SATISFIED, null),
                responded, enterprise, false).to());
    }

    @Test
    void onlyTheOwningEnterpriseRates() {
        Actor stranger = new Actor("u9", "别的企业", Set.of(Role.ENTERPRISE), null, "e9");

        assertThrows(NotPermittedException.class, () -> machine.decide(new Command.Rate(RatingLevel.SATISFIED, null),
                request(RequestStatus.RESPONDED, null), stranger, false));
    }

    @Test
    void oneExtensionPerRequestDecidedBySupervisor() {
        Command ask = new Command.RequestExtension(3, "需要现场核查");
        assertEquals(RequestStatus.IN_PROGRESS,
                machine.decide(ask, request(RequestStatus.IN_PROGRESS, ExtensionState.NONE), liaison, false).to());

        assertThrows(ActionNotAllowedException.class,
                () -> machine.decide(ask, request(RequestStatus.IN_PROGRESS, ExtensionState.REJECTED), liaison, false));
        assertThrows(NotPermittedException.class, () -> machine.decide(new Command.DecideExtension(true, null),
                request(RequestStatus.IN_PROGRESS, ExtensionState.PENDING), liaison, false));
        assertThrows(ActionNotAllowedException.class, () -> machine.decide(new Command.DecideExtension(true, null),
                request(RequestStatus.IN_PROGRESS, ExtensionState.NONE), head, true));
        assertEquals(RequestStatus.IN_PROGRESS, machine.decide(new Command.DecideExtension(false, null),
                request(RequestStatus.IN_PROGRESS, ExtensionState.PENDING), head, true).to());
    }

    @Test
    void unitHeadAssignsOnlyWhereItSupervises() {
        RequestSnapshot assessed = request(RequestStatus.ASSESSED, null);

        assertEquals(RequestStatus.ASSIGNED, machine.decide(new Command.Assign("l2", null), assessed, head, true).to());
        assertThrows(NotPermittedException.class,
                () -> machine.decide(new Command.Assign("l2", null), assessed, head, false));
    }

    @Test
    void reassigningDuringReworkStaysInRework() {
        assertEquals(RequestStatus.REWORK, machine.decide(new Command.Assign("l2", null),
                request(RequestStatus.REWORK, null), head, true).to());
    }

    @Test
    void availableActionsFollowTheTable() {
        Set<Action> handler = machine.available(request(RequestStatus.IN_PROGRESS, ExtensionState.NONE), liaison, false);
        Set<Action> owner = machine.available(request(RequestStatus.IN_PROGRESS, ExtensionState.NONE), enterprise, false);

        assertEquals(Set.of(Action.PROGRESS, Action.RESPOND, Action.FORWARD, Action.EXTENSION, Action.NOTE), handler);
        assertEquals(Set.of(Action.SUPPLEMENT, Action.URGE), owner);
        assertFalse(machine.available(request(RequestStatus.CLOSED, null), head, true).contains(Action.RESPOND));
    }

    @Test
    void commandsRejectMissingText() {
        assertThrows(IllegalArgumentException.class, () -> new Command.Respond(" ", true));
        assertThrows(IllegalArgumentException.class, () -> new Command.RequestExtension(0, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Command.Assign(null, null));
    }

    @Test
    void notesAreStaffOnlyAndSupplementsAndUrgesTheOwnersAndNeitherMovesTheRequest() {
        RequestSnapshot handling = request(RequestStatus.IN_PROGRESS, ExtensionState.NONE);

        assertEquals(RequestStatus.IN_PROGRESS, machine.decide(new Command.Note("内部"), handling, liaison, false).to());
        assertEquals(RequestStatus.CLOSED, machine.decide(new Command.Note("事后备注"), request(RequestStatus.CLOSED, null), head, true).to());
        assertThrows(NotPermittedException.class, () -> machine.decide(new Command.Note("x"), handling, enterprise, false));
        assertEquals(RequestStatus.IN_PROGRESS, machine.decide(new Command.Urge(null), handling, enterprise, false).to());
        assertEquals(RequestStatus.IN_PROGRESS,
                machine.decide(new Command.Supplement("补充", null), handling, enterprise, false).to());
        assertThrows(NotPermittedException.class, () -> machine.decide(new Command.Urge(null), handling, liaison, false));
        assertThrows(ActionNotAllowedException.class,
                () -> machine.decide(new Command.Urge(null), request(RequestStatus.RESPONDED, null), enterprise, false));
        assertThrows(IllegalArgumentException.class, () -> new Command.Supplement(" ", null));
    }
}
