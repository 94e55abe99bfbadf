package cn.liaison.backend.policy;

/** A rule file that cannot be used; the message names the file, the place and the problem. */
public final class PolicyRuleException extends RuntimeException {

    public PolicyRuleException(String file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }
}
