package org.kefu.automation;

/** Who a template or macro is for: its owner only, a team, a department, or everyone. */
public enum TemplateScope {
    PERSONAL, TEAM, DEPARTMENT, EVERYONE
}
