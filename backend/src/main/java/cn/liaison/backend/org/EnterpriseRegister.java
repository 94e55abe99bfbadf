package cn.liaison.backend.org;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Enterprises as the binding approval and the demo data need them: looked up by credit code, added. */
@Published
public interface EnterpriseRegister extends EnterpriseDirectory {

    /** The enterprise with this unified social credit code (unique). */
    Future<Optional<Enterprise>> byCreditCode(String creditCode);

    /** Fails with a duplicate-key error when the id or credit code exists. */
    Future<Void> insert(Enterprise enterprise, List<Contact> contacts);
}
