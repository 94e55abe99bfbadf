package cn.liaison.backend.identity;

/**
 * A login that did not succeed. Deliberately without a reason: unknown user, disabled account,
 * wrong password and a throttled attempt must look the same to the caller.
 */
public final class LoginRejected extends RuntimeException {

    private LoginRejected() {
        super("bad credentials", null, false, false);
    }

    static LoginRejected badCredentials() {
        return new LoginRejected();
    }
}
