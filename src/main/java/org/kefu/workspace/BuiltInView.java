package org.kefu.workspace;

import java.util.Arrays;
import java.util.Optional;

/** The fixed views of the workspace sidebar, by their URL key. */
public enum BuiltInView {
    /** 我的待办: assigned to me, still active. */
    MINE("mine"),
    /** 未分配: nobody assigned, still active. */
    UNASSIGNED("unassigned"),
    /** 我的团队: active tickets of my teams. */
    TEAM("team"),
    /** 全部可见: everything I may see, any status. */
    ALL("all"),
    /** 即将到期: active, the customer's demand deadline (诉求时效) falls in the next 24 hours; earliest first. */
    DUE_SOON("due"),
    /** 最近更新: changed in the last 24 hours, any status. */
    RECENT("recent");

    private final String key;

    BuiltInView(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<BuiltInView> byKey(String key) {
        return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
    }
}
