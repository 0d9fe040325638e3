package org.canopy.partnership.accounts;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.canopy.partnership.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first administrator of a production partnership from the command line, then exits:
 * {@code java -jar canopy.jar create-admin --partnership="..." --area="..." --username=... --name="..."}.
 * The password is read from the console, or from standard input when there is none; never from an argument.
 */
@Component
@Order(0)
class AdministratorCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(AdministratorCommand.class);

    private final Partnerships partnerships;
    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final PasswordPolicy passwords;
    private int exitCode;

    AdministratorCommand(Partnerships partnerships, UserAccounts users, PasswordEncoder encoder,
            TransactionTemplate transaction, PasswordPolicy passwords) {
        this.passwords = passwords;
        this.transaction = transaction;
        this.partnerships = partnerships;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.getNonOptionArgs().contains("create-admin")) {
            return;
        }
        try {
            createAdministrator(option(args, "partnership"), option(args, "area"), option(args, "username"),
                    option(args, "name"), readPassword());
        } catch (IllegalArgumentException e) {
            log.error("create-admin: {}", e.getMessage());
            exitCode = 2;
        }
    }

    /** 0 when the administrator was created (or no command was given), 2 when the command was refused. */
    @Override
    public int getExitCode() {
        return exitCode;
    }

    void createAdministrator(String partnership, String area, String username, String name, String password) {
        passwords.problem(password).ifPresent(problem -> {
            throw new IllegalArgumentException("the password was refused. " + problem);
        });
        if (users.usernameTaken(username)) {
            throw new IllegalArgumentException("the username '" + username + "' is already taken");
        }
        String hash = encoder.encode(password);
        transaction.executeWithoutResult(tx -> {
            long partnershipId = partnerships.idByName(partnership)
                    .orElseGet(() -> partnerships.create(partnership, area));
            users.create(partnershipId, username, name, null, hash, Role.ADMINISTRATOR, null);
        });
        log.info("create-admin: created administrator '{}' for {}", username, partnership);
    }

    private static String option(ApplicationArguments args, String name) {
        var values = args.getOptionValues(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return values.get(0).trim();
    }

    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password for the new administrator: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
