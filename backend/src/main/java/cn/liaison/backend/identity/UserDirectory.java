package cn.liaison.backend.identity;

import cn.liaison.backend.platform.Published;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Looks people up for routing and notification. Lists hold active accounts only, ordered by id. */
@Published
public interface UserDirectory {

    /** Any account, active or not (history must still name people who have left). */
    Future<Optional<StaffMember>> find(String userId);

    /** Active liaisons (联络员) of exactly this unit, not of units below it. */
    Future<List<StaffMember>> liaisonsOf(String unitId);

    /** Active unit heads (单位负责人) of exactly this unit. */
    Future<List<StaffMember>> unitHeadsOf(String unitId);

    /** Active city administrators (市级管理员). */
    Future<List<StaffMember>> cityAdmins();

    /** The accounts bound to an enterprise (its people in the mini-program). */
    Future<List<String>> enterpriseUserIds(String enterpriseId);
}
