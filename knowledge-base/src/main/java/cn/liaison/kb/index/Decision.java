package cn.liaison.kb.index;

/** What retrieval does with a question. */
public enum Decision {
    /** The best entry is confident enough to be the answer. */
    ANSWERED,
    /** Not confident enough to answer, but close: offer "did you mean" questions. */
    SUGGESTED,
    /** A forward rule matched better than any entry: not ours, name the department. */
    FORWARDED,
    /** Nothing close enough; a forward department may still be named. */
    ABSTAINED
}
