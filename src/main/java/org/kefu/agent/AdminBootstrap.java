package org.kefu.agent;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import org.kefu.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty database: creates the first department, the admin account (password from
 * KEFU_ADMIN_PASSWORD, or generated and printed once) and, if KEFU_BOOTSTRAP_API_TOKEN is set,
 * an admin API token with exactly that value.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final Agents agents;
    private final AgentDirectory directory;
    private final IssuingApiTokens tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String adminEmail;
    private final String adminPassword;
    private final String bootstrapToken;

    AdminBootstrap(Agents agents, AgentDirectory directory, IssuingApiTokens tokens, TransactionTemplate transactions,
            Clock clock, @Value("${kefu.admin.email}") String adminEmail, @Value("${kefu.admin.password:}") String adminPassword,
            @Value("${kefu.bootstrap-api-token:}") String bootstrapToken) {
        this.agents = agents;
        this.directory = directory;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.adminEmail = adminEmail.strip().toLowerCase(Locale.ROOT);
        this.adminPassword = adminPassword;
        this.bootstrapToken = bootstrapToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            if (directory.departments().isEmpty()) {
                directory.createDepartment("service", "客服中心", true);
            }
            if (agents.existsByRole(Role.ADMIN)) {
                return;
            }
            boolean generated = adminPassword == null || adminPassword.isBlank();
            String password = generated ? randomPassword() : adminPassword;
            Agent admin = directory.create(new NewAgent(adminEmail, "管理员", Role.ADMIN, password, 10, "zh-CN",
                    "Asia/Shanghai", java.util.List.of(directory.defaultDepartment().getId()), null, null), null);
            if (generated) {
                String banner = "=".repeat(72);
                System.out.println(banner + "\n Kefu admin account created\n   email:    " + adminEmail
                        + "\n   password: " + password + "\n This password is shown only once. Set KEFU_ADMIN_PASSWORD to choose it.\n"
                        + banner);
            } else {
                log.info("Admin account {} created with the password from KEFU_ADMIN_PASSWORD", adminEmail);
            }
            if (bootstrapToken != null && !bootstrapToken.isBlank() && !tokens.anyExists()) {
                tokens.issueWithValue(admin.getId(), "bootstrap", bootstrapToken.strip(), null, null);
                log.info("Admin API token created from KEFU_BOOTSTRAP_API_TOKEN");
            }
        });
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
