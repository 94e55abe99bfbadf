package cn.liaison.backend.stats;

import cn.liaison.backend.platform.Published;
import io.vertx.core.Future;
import java.time.Instant;

/**
 * 直接答复: how many contacts on a channel were answered on the spot (from the knowledge base, by
 * the chat bot or by a hotline agent) rather than becoming a request. Each channel counts in the
 * collection that records its contacts, once, and every figure (the monthly summary, its XLSX, the
 * dashboard, {@code /hotline/stats}) takes the same counts: the owners publish these ports.
 */
@Published
public interface DirectAnswers {

    /** Contacts and those answered directly, with their times in [from, to). */
    Future<Counts> count(Instant from, Instant to);

    /** @param contacts questions asked in the chat / calls with an outcome on the hotline */
    record Counts(long contacts, long answered) {
        /** answered ÷ contacts, to four decimals; null with no contacts. */
        public Double rate() {
            return contacts == 0 ? null : Math.round(answered * 10000.0 / contacts) / 10000.0;
        }
    }

    /** The mini-program chat: questions the bot answered from the knowledge base. */
    interface Chat extends DirectAnswers {
    }

    /** The hotline: calls whose outcome says the agent answered them on the call. */
    interface Hotline extends DirectAnswers {
    }
}
