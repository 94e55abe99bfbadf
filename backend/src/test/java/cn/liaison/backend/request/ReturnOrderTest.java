package cn.liaison.backend.request;

import cn.liaison.bots.domain.RequestType;
import cn.liaison.bots.domain.Resolution;
import cn.liaison.bots.domain.ReturnReason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.liaison.backend.platform.auth.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 退单 in the state machine, and the 12345 wire codes agreeing with the domain's. */
class ReturnOrderTest {

    private final RequestStateMachine machine = new RequestStateMachine();
    private final Actor head = new Actor("h1", "赵科长", Set.of(Role.UNIT_HEAD), "district-pukou", null);
    private final Actor admin = new Actor("a1", "市管理员", Set.of(Role.CITY_ADMIN), "city", null);
    private final Actor liaison = new Actor("l1", "张联络", Set.of(Role.LIAISON), "district-pukou", null);
    private final Command.Return wrongArea = new Command.Return(ReturnReason.WRONG_AREA, "在江宁区");

    private static RequestSnapshot order(RequestStatus status, Channel channel) {
        return new RequestSnapshot("r1", 1, status, channel, RequestType.COMPLAINT, "district-pukou", "l1", null,
                "platform:12345", null);
    }

    @Test
    void aUnitHeadReturnsATwelveThreeFourFiveOrderBeforeItIsSignedFor() {
        for (RequestStatus status : new RequestStatus[] {RequestStatus.RECEIVED, RequestStatus.ASSESSED, RequestStatus.ASSIGNED}) {
            assertEquals(RequestStatus.RETURNED, machine.decide(wrongArea, order(status, Channel.HOTLINE_12345), head, true).to());
            assertEquals(RequestStatus.RETURNED, machine.decide(wrongArea, order(status, Channel.HOTLINE_12345), admin, false).to());
        }
        assertTrue(machine.available(order(RequestStatus.ASSIGNED, Channel.HOTLINE_12345), head, true).contains(Action.RETURN));
    }

    @Test
    void aSignedForOrderCannotBeReturned() {
        assertThrows(ActionNotAllowedException.class,
                () -> machine.decide(wrongArea, order(RequestStatus.IN_PROGRESS, Channel.HOTLINE_12345), head, true));
    }

    @Test
    void liaisonsAndHeadsOfOtherUnitsMayNotReturn() {
        assertThrows(NotPermittedException.class,
                () -> machine.decide(wrongArea, order(RequestStatus.ASSIGNED, Channel.HOTLINE_12345), liaison, false));
        assertThrows(NotPermittedException.class,
                () -> machine.decide(wrongArea, order(RequestStatus.ASSIGNED, Channel.HOTLINE_12345), head, false));
    }

    @Test
    void requestsFromOtherChannelsCannotBeReturned() {
        ActionNotAllowedException e = assertThrows(ActionNotAllowedException.class,
                () -> machine.decide(wrongArea, order(RequestStatus.ASSIGNED, Channel.MINIPROGRAM), head, true));
        assertTrue(e.getMessage().contains("12345"), e.getMessage());
        assertFalse(machine.available(order(RequestStatus.ASSIGNED, Channel.MINIPROGRAM), head, true).contains(Action.RETURN));
    }

    @Test
    void resolutionDefaultsFromResolved() {
        assertEquals(Resolution.RESOLVED, new Command.Respond("好了", true).resolution());
        assertEquals(Resolution.UNRESOLVED, new Command.Respond("没办法", false).resolution());
        assertEquals(Resolution.PARTLY, new Command.Respond("部分", false, Resolution.PARTLY).resolution());
    }

}
