import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Loads synthetic customers and tickets (with timeline entries and tags) straight into a Kefu
 * database whose schema Flyway has already created (start the app once first).
 *
 * <pre>
 * java -cp postgresql-42.7.14.jar bench/GenerateTickets.java \
 *     --url=jdbc:postgresql://127.0.0.1:5432/kefu --user=kefu --password=kefu --tickets=1000000
 * </pre>
 *
 * PostgreSQL is loaded with COPY (PgJDBC CopyManager); any other database (H2) with JDBC batches.
 * Every value is derived from (seed, row number), so a run is reproducible. Ids and ticket
 * numbers are reserved from the application's sequences before inserting, and the sequences are
 * left past the largest id afterwards, so the running app keeps numbering correctly. The search
 * index is NOT filled: rebuild it with POST /api/v1/admin/search-index/rebuild.
 *
 * Options (also as environment variables BENCH_TICKETS, BENCH_CUSTOMERS, BENCH_SEED):
 * --url --user --password --tickets (default 1000000) --customers (default tickets/5)
 * --seed (default 2026) --mode=copy|batch --days (spread of created_at, default 730)
 */
public class GenerateTickets {

    static final ZoneId DESK_ZONE = ZoneId.of("Asia/Shanghai");

    // ---- departments (the demo departments; 'service' is made by the app itself) ----------------
    static final String[][] DEPARTMENTS = {
            {"ecommerce", "电商客服部"}, {"logistics", "物流服务部"}, {"banking", "银行客服部"},
            {"restaurant", "餐饮服务部"}, {"it", "IT 服务台"}};

    // ---- text material -----------------------------------------------------------------------------
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"};
    static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "嘉欣", "子轩", "雨桐", "浩然", "思琪", "俊杰"};
    static final String[] FIRST = {"Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Lucas", "Mia", "Ethan", "Grace", "Daniel", "Chloe", "Henry", "Zoe", "Jack"};
    static final String[] LAST = {"Smith", "Clarke", "Brown", "Wilson", "Taylor", "Lee", "Martin", "Walker", "Hall", "Young", "King", "Wright", "Green", "Baker"};

    /** Per department: Chinese subjects, English subjects, Chinese problem sentences, English problem sentences. */
    static final Map<String, String[][]> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("ecommerce", new String[][] {
                {"订单%s申请退款", "收到的%s有质量问题", "%s与商品描述不符，要求退货", "优惠券无法在订单%s使用", "订单%s的发票开具问题", "%s发错了颜色，要求换货"},
                {"Refund request for order %s", "The %s I received is defective", "%s does not match the description", "Coupon rejected on order %s", "Invoice missing for order %s", "Wrong colour of %s delivered"},
                {"收到货后发现%s无法开机，屏幕也有划痕。", "商品页面写的是正品，但收到的%s像是二手的。", "我已经申请退款一周了，%s的退款还没有到账。", "客服承诺七天无理由退货，但现在拒绝退%s。"},
                {"The %s will not switch on and the screen is scratched.", "The listing said new, but the %s looks used.", "I asked for a refund a week ago and the money for the %s has not arrived.", "I was promised a 7-day return but the return of the %s was refused."}});
        TOPICS.put("logistics", new String[][] {
                {"快递%s一直没有更新物流信息", "包裹%s破损，要求理赔", "%s配送延误三天", "快递员未送货上门就签收了%s", "%s被送到了错误的地址"},
                {"Tracking %s has not updated for days", "Parcel %s arrived damaged, claim requested", "Delivery of %s is three days late", "Courier marked %s delivered but it never came", "%s was delivered to the wrong address"},
                {"物流信息显示%s已签收，但我根本没有收到。", "快递延误严重，%s里的生鲜已经坏了。", "外包装完好但%s内部碎了，需要赔偿。", "联系快递员多次都无人接听，%s到底在哪里？"},
                {"The tracking says %s was signed for, but I never received it.", "The delivery was so late that the fresh food in %s went bad.", "The box looked fine but %s was broken inside; I want compensation.", "I called the courier many times about %s and nobody answers."}});
        TOPICS.put("banking", new String[][] {
                {"信用卡被重复扣费%s元", "网银登录密码重置失败", "转账%s元未到账", "信用卡额度调整申请", "境外消费%s元被拒"},
                {"Credit card charged twice (%s)", "Online banking password reset fails", "Transfer of %s never arrived", "Credit limit increase request", "Card declined abroad for %s"},
                {"同一笔%s元的消费在账单上出现了两次，请核实并退回。", "我在手机银行重置密码时一直提示系统繁忙，金额%s的转账也做不了。", "三天前转出%s元，对方至今没有收到。"},
                {"The same payment of %s shows twice on my statement; please refund one.", "Resetting my password in the app keeps failing, so I cannot send %s.", "I sent %s three days ago and the payee has not received it."}});
        TOPICS.put("restaurant", new String[][] {
                {"外卖送达时已经凉了（订单%s）", "订单%s少送了一份餐品", "食品安全问题投诉：%s", "会员积分%s未到账", "门店服务态度差"},
                {"Food arrived cold (order %s)", "Item missing from order %s", "Food safety complaint: %s", "Loyalty points %s not credited", "Rude staff at the store"},
                {"点的%s送到时完全是凉的，而且汤洒了一半。", "在%s里吃出了异物，要求门店给个说法。", "订单里的%s没有送到，骑手说不知道。"},
                {"The %s arrived completely cold and half the soup was spilled.", "I found a foreign object in the %s and want an explanation.", "The %s in my order never arrived and the rider knows nothing."}});
        TOPICS.put("it", new String[][] {
                {"VPN无法连接（%s）", "邮箱登录失败：%s", "打印机%s无法打印", "电脑蓝屏，错误代码%s", "申请开通%s系统权限"},
                {"VPN will not connect (%s)", "Cannot sign in to mail: %s", "Printer %s does not print", "Laptop blue screen, error %s", "Access request for %s"},
                {"从今天早上开始%s就连不上，提示证书过期。", "重置密码以后%s还是登录不了。", "%s一直显示脱机，重启也没有用。"},
                {"Since this morning %s fails with a certificate error.", "After resetting my password I still cannot sign in to %s.", "%s shows offline all the time, restarting does not help."}});
        TOPICS.put("service", new String[][] {
                {"投诉客服态度（工单%s）", "咨询%s的服务时间", "要求人工客服回电：%s", "对处理结果%s不满意"},
                {"Complaint about an agent (case %s)", "Question about opening hours of %s", "Please call me back about %s", "Not happy with the outcome of %s"},
                {"上次来电时客服对%s的问题很不耐烦。", "已经第三次联系你们关于%s的事情了，还是没有解决。"},
                {"The agent was impatient about %s on my last call.", "This is my third contact about %s and it is still not solved."}});
    }

    static final String[] PRODUCTS_ZH = {"蓝牙耳机", "扫地机器人", "羽绒服", "电饭煲", "手机壳", "空气净化器", "智能手表", "机械键盘", "婴儿推车", "保温杯", "牛肉面", "麻辣香锅", "奶茶"};
    static final String[] PRODUCTS_EN = {"wireless earbuds", "robot vacuum", "down jacket", "rice cooker", "phone case", "air purifier", "smart watch", "keyboard", "pushchair", "travel mug", "beef noodles", "hot pot", "milk tea"};
    static final String[] OPENERS_ZH = {"您好，", "你好，", "客服您好，", ""};
    static final String[] CLOSERS_ZH = {"请尽快处理，谢谢！", "希望今天能给我答复。", "如果再不解决我就要投诉到消费者协会了。", "麻烦帮忙看一下。"};
    static final String[] CLOSERS_EN = {"Please sort this out quickly.", "I expect an answer today.", "Thanks for your help.", "If this is not fixed I will escalate."};
    static final String[] REPLIES_ZH = {
            "您好，非常抱歉给您带来不便。我们已经为您提交了%s的处理申请，预计%d个工作日内完成。",
            "您好，您反映的%s问题我们已经记录，已转交相关部门核实，%d个工作日内回复您。",
            "感谢您的耐心等待，关于%s，我们已为您安排补发/退款，约%d天到账。"};
    static final String[] REPLIES_EN = {
            "Hello, sorry for the trouble. We have opened a case about the %s and expect to finish within %d business days.",
            "Thank you for reporting the %s issue. It has been passed to the team concerned; we will reply within %d business days.",
            "Thanks for waiting. For the %s we have arranged a replacement or refund; allow %d days."};
    static final String[] FOLLOW_UPS_ZH = {"还是没有收到任何回复，请问进度如何？", "补充一下：%s的照片已经上传了。", "问题仍然存在，请再看看。"};
    static final String[] FOLLOW_UPS_EN = {"Still no news, what is the status?", "Adding photos of the %s now.", "The problem is still there, please check again."};
    static final String[] NOTES_ZH = {"已联系仓库核实%s库存。", "客户情绪较激动，建议主管跟进。", "与物流公司确认中，单号见附件。", "VIP客户，优先处理。"};
    static final String[] NOTES_EN = {"Checked stock for %s with the warehouse.", "Customer is upset; supervisor should follow up.", "Waiting for the carrier to confirm.", "VIP customer, handle first."};
    static final String[] TAGS = {"退款", "退货", "换货", "物流延误", "破损", "质量问题", "投诉", "催单", "发票", "优惠券", "重复扣费", "密码", "VPN",
            "食品安全", "积分", "vip", "refund", "return", "late-delivery", "damaged", "billing", "password", "escalated", "urgent", "follow-up",
            "social-media", "repeat-contact", "legal", "compensation", "feedback"};

    static final String[] CHANNELS = {"EMAIL", "CHAT", "PHONE", "WEB", "SOCIAL", "API"};
    static final int[] CHANNEL_WEIGHTS = {25, 30, 20, 15, 7, 3};
    static final String[] STATUSES = {"NEW", "OPEN", "PENDING_CUSTOMER", "PENDING_INTERNAL", "RESOLVED", "CLOSED", "REOPENED"};
    static final int[] STATUS_WEIGHTS = {5, 12, 8, 5, 15, 50, 5};
    static final String[] PRIORITIES = {"P1", "P2", "P3", "P4"};
    static final int[] PRIORITY_WEIGHTS = {8, 20, 60, 12};
    static final String[] COMPLAINT_TYPES = {"SERVICE_ERROR", "PRODUCT_DEFECT", "CUSTOMER_MISUNDERSTANDING"};
    static final int MAX_ENTRIES_PER_TICKET = 4;

    // ---- configuration --------------------------------------------------------------------------------
    final String url;
    final String user;
    final String password;
    final long tickets;
    final long customers;
    final long seed;
    final boolean copy;
    final int days;
    final boolean postgres;

    // filled from the database
    long adminId;
    String adminName;
    long[] departmentIds;
    String[] departmentCodes;
    int[] departmentWeights;
    long customerBase;
    long contactBase;
    long ticketBase;
    long entryBase;
    long numberBase;
    Instant start;
    long spanSeconds;

    GenerateTickets(Map<String, String> opts) {
        url = opts.getOrDefault("url", env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/kefu"));
        user = opts.getOrDefault("user", env("KEFU_DB_USER", "kefu"));
        password = opts.getOrDefault("password", env("KEFU_DB_PASSWORD", "kefu"));
        tickets = Long.parseLong(opts.getOrDefault("tickets", env("BENCH_TICKETS", "1000000")));
        customers = Long.parseLong(opts.getOrDefault("customers", env("BENCH_CUSTOMERS", String.valueOf(Math.max(1, tickets / 5)))));
        seed = Long.parseLong(opts.getOrDefault("seed", env("BENCH_SEED", "2026")));
        postgres = url.startsWith("jdbc:postgresql:");
        copy = postgres && !"batch".equals(opts.getOrDefault("mode", "copy"));
        days = Integer.parseInt(opts.getOrDefault("days", "730"));
        if (tickets < 1 || customers < 1) {
            throw new IllegalArgumentException("--tickets and --customers must be at least 1");
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value, got " + a);
            }
            opts.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        try {
            new GenerateTickets(opts).run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.exit(1);
        }
    }

    Connection connect() throws SQLException {
        String u = url;
        if (postgres && !copy && !u.contains("reWriteBatchedInserts")) {
            u += (u.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return DriverManager.getConnection(u, user, password);
    }

    void run() throws Exception {
        long t0 = System.nanoTime();
        log("loading %,d tickets for %,d customers into %s (%s)", tickets, customers, url, copy ? "COPY" : "JDBC batch");
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            prepare(c);
        }
        phase("customers", this::loadCustomers);
        phase("tickets", this::loadTickets);
        // timeline entries and tags only depend on the tickets: load both at once on two connections
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> entries = pool.submit(() -> {
                phase("timeline entries", this::loadEntries);
                return null;
            });
            Future<?> tags = pool.submit(() -> {
                phase("ticket tags", this::loadTags);
                return null;
            });
            entries.get();
            tags.get();
        } finally {
            pool.shutdown();
        }
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            finish(c);
        }
        log("done in %.1f s", (System.nanoTime() - t0) / 1e9);
    }

    interface Step {
        void run(Connection c) throws Exception;
    }

    void phase(String name, Step step) throws Exception {
        long t = System.nanoTime();
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            step.run(c);
            c.commit();
        }
        log("%s loaded in %.1f s", name, (System.nanoTime() - t) / 1e9);
    }

    // ---- preparation: departments, admin, id ranges ---------------------------------------------------

    void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "select id, display_name from agent where role = 'ADMIN' order by id")) {
            if (!r.next()) {
                throw new IllegalStateException("No admin agent: start the app once on this database (Flyway + bootstrap) first.");
            }
            adminId = r.getLong(1);
            adminName = r.getString(2);
        }
        try (PreparedStatement p = c.prepareStatement("select count(*) from customer_email where email = ?")) {
            p.setString(1, customerEmail(0));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    throw new IllegalStateException("This database already holds generated data; load into a fresh one.");
                }
            }
        }
        Map<String, Long> existing = departments(c);
        if (existing.isEmpty()) {
            throw new IllegalStateException("No department: start the app once on this database first.");
        }
        int missing = 0;
        for (String[] d : DEPARTMENTS) {
            if (!existing.containsKey(d[0])) {
                missing++;
            }
        }
        if (missing > 0) {
            long base = reserve(c, "department_seq", missing, 50);
            try (PreparedStatement p = c.prepareStatement(
                    "insert into department (id, code, name, default_flag, created_at) values (?, ?, ?, false, ?)")) {
                for (String[] d : DEPARTMENTS) {
                    if (!existing.containsKey(d[0])) {
                        p.setLong(1, ++base);
                        p.setString(2, d[0]);
                        p.setString(3, d[1]);
                        p.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                        p.executeUpdate();
                        log("created department %s (%s) with id %d", d[0], d[1], base);
                    }
                }
            }
            existing = departments(c);
        }
        departmentCodes = existing.keySet().toArray(String[]::new);
        departmentIds = new long[departmentCodes.length];
        departmentWeights = new int[departmentCodes.length];
        for (int i = 0; i < departmentCodes.length; i++) {
            departmentIds[i] = existing.get(departmentCodes[i]);
            // the default 'service' desk gets a smaller share than the business lines
            departmentWeights[i] = "service".equals(departmentCodes[i]) ? 8 : TOPICS.containsKey(departmentCodes[i]) ? 18 : 4;
        }
        // Reserve id ranges first, so the running app (which allocates ids in blocks of 50) never collides.
        customerBase = reserve(c, "customer_seq", customers, 50);
        contactBase = reserve(c, "customer_contact_seq", customers, 50);
        ticketBase = reserve(c, "ticket_seq", tickets, 50);
        entryBase = reserve(c, "timeline_entry_seq", tickets * MAX_ENTRIES_PER_TICKET, 50);
        numberBase = reserve(c, "ticket_number_seq", tickets, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        start = now.minus(days, ChronoUnit.DAYS);
        spanSeconds = (long) days * 86_400 - 5 * 86_400; // last entries stay in the past
        log("departments %s; ids: customer>%d contact>%d ticket>%d entry>%d number>=%d", existing, customerBase, contactBase,
                ticketBase, entryBase, numberBase);
    }

    Map<String, Long> departments(Connection c) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select code, id from department order by id")) {
            while (r.next()) {
                result.put(r.getString(1), r.getLong(2));
            }
        }
        return result;
    }

    /**
     * Takes the next value v of a sequence and moves the sequence past v + count, so that the
     * values above v (for increment 50: v+1 .. v+count; for increment 1: v .. v+count-1) are ours.
     */
    long reserve(Connection c, String sequence, long count, int increment) throws SQLException {
        long v = nextValue(c, sequence);
        long next = increment == 1 ? v + count : v + count + 2L * increment;
        setNext(c, sequence, next, increment);
        return v;
    }

    long nextValue(Connection c, String sequence) throws SQLException {
        String sql = postgres ? "select nextval('" + sequence + "')" : "select next value for " + sequence;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The value the sequence hands out next; on PostgreSQL without using it up. */
    long peekNext(Connection c, String sequence, int increment) throws SQLException {
        if (!postgres) {
            return nextValue(c, sequence);
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select last_value, is_called from " + sequence)) {
            r.next();
            return r.getLong(1) + (r.getBoolean(2) ? increment : 0);
        }
    }

    /** Makes the next value handed out by the sequence at least {@code next}. */
    void setNext(Connection c, String sequence, long next, int increment) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (postgres) {
                s.execute("select setval('" + sequence + "', " + (next - increment) + ")");
            } else {
                s.execute("alter sequence " + sequence + " restart with " + next);
            }
        }
    }

    // ---- the data -------------------------------------------------------------------------------------

    static int pick(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static <T> T one(SplittableRandom r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    SplittableRandom rng(String stream, long row) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (row * 0xBF58476D1CE4E5B9L) ^ stream.hashCode());
    }

    record Person(String name, boolean chinese) {
    }

    Person customerPerson(long k) {
        SplittableRandom r = rng("customer", k);
        boolean chinese = r.nextInt(100) < 75;
        String name = chinese ? one(r, SURNAMES) + one(r, GIVEN) : one(r, FIRST) + " " + one(r, LAST);
        return new Person(name, chinese);
    }

    static String customerEmail(long k) {
        return "customer" + k + "@bench.example.com";
    }

    Instant customerCreated(long k) {
        return start.minusSeconds(rng("customer-created", k).nextLong(90L * 86_400));
    }

    void loadCustomers(Connection c) throws Exception {
        try (Sink customer = sink(c, "customer", "id", "name", "organisation_id", "tier_id", "preferred_language",
                "lifetime_value", "notes", "merged_into_id", "created_at", "updated_at", "version")) {
            for (long k = 0; k < customers; k++) {
                Person p = customerPerson(k);
                SplittableRandom r = rng("customer-extra", k);
                Instant created = customerCreated(k);
                customer.row(customerBase + 1 + k, p.name(), null, r.nextInt(100) < 5 ? 1L : 2L, p.chinese() ? "zh-CN" : "en",
                        r.nextInt(100_000) / 10.0, null, null, created, created, 0L);
            }
        }
        c.commit();
        try (Sink email = sink(c, "customer_email", "id", "customer_id", "email", "verified", "created_at")) {
            for (long k = 0; k < customers; k++) {
                email.row(contactBase + 1 + k, customerBase + 1 + k, customerEmail(k), k % 3 == 0, customerCreated(k));
            }
        }
    }

    /** Everything about ticket i, derived from the seed, so every pass sees the same ticket. */
    final class Plan {
        final long i;
        final long id;
        final String number;
        final long customerIndex;
        final Person customer;
        final int department;
        final String topic;
        final boolean chinese;
        final String channel;
        final String status;
        final String priority;
        final String complaintType;
        final String productRef;
        final String orderRef;
        final String subject;
        final String product;
        final String reference;
        final Instant created;
        final List<Instant> times = new ArrayList<>(MAX_ENTRIES_PER_TICKET);
        final List<String> kinds = new ArrayList<>(MAX_ENTRIES_PER_TICKET);
        Instant firstResponse;
        Instant resolved;
        Instant closed;
        final SplittableRandom r;

        Plan(long i) {
            this.i = i;
            r = rng("ticket", i);
            id = ticketBase + 1 + i;
            created = start.plusSeconds(spanSeconds * i / tickets + r.nextInt(3600));
            number = String.format(Locale.ROOT, "%04d-%06d", created.atZone(DESK_ZONE).getYear(), numberBase + i);
            customerIndex = r.nextLong(customers);
            customer = customerPerson(customerIndex);
            department = pick(r, departmentWeights);
            String code = departmentCodes[department];
            topic = TOPICS.containsKey(code) ? code : "service";
            chinese = customer.chinese() ? r.nextInt(100) < 92 : r.nextInt(100) < 10;
            channel = CHANNELS[pick(r, CHANNEL_WEIGHTS)];
            status = STATUSES[pick(r, STATUS_WEIGHTS)];
            priority = PRIORITIES[pick(r, PRIORITY_WEIGHTS)];
            complaintType = r.nextInt(100) < 40 ? one(r, COMPLAINT_TYPES) : null;
            int p = r.nextInt(PRODUCTS_ZH.length);
            product = chinese ? PRODUCTS_ZH[p] : PRODUCTS_EN[p];
            reference = switch (topic) {
                case "ecommerce", "restaurant" -> "DD" + (20_000_000 + r.nextInt(80_000_000));
                case "logistics" -> "SF" + (1_000_000_000L + r.nextLong(9_000_000_000L));
                case "banking" -> String.valueOf(50 + r.nextInt(20_000));
                case "it" -> "0x" + Integer.toHexString(0x1000 + r.nextInt(0xF000)).toUpperCase(Locale.ROOT);
                default -> number;
            };
            productRef = "ecommerce".equals(topic) && r.nextBoolean() ? "SKU-" + (10_000 + p * 97) : null;
            orderRef = ("ecommerce".equals(topic) || "restaurant".equals(topic)) && r.nextBoolean() ? reference : null;
            String[][] t = TOPICS.get(topic);
            String template = chinese ? one(r, t[0]) : one(r, t[1]);
            subject = String.format(Locale.ROOT, template, template.contains("%s") && (template.contains("订单") || template.contains("order")
                    || template.contains("包裹") || template.contains("Parcel") || template.contains("快递") || template.contains("Tracking")) ? reference : product);
            // timeline: the customer's first words, then what happened given the status
            Instant at = created;
            add("CUSTOMER_MESSAGE", at);
            if (!"NEW".equals(status)) {
                at = at.plusSeconds(600 + r.nextInt(8 * 3600));
                add("REPLY", at);
                firstResponse = at;
            }
            switch (status) {
                case "RESOLVED", "CLOSED", "PENDING_CUSTOMER", "PENDING_INTERNAL" -> {
                    at = at.plusSeconds(3600 + r.nextInt(3 * 86_400));
                    add("EVENT", at);
                    if (!status.startsWith("PENDING")) {
                        resolved = at;
                        closed = "CLOSED".equals(status) ? at : null;
                    }
                }
                case "OPEN", "REOPENED" -> {
                    at = at.plusSeconds(1800 + r.nextInt(2 * 86_400));
                    add("CUSTOMER_MESSAGE", at);
                }
                default -> {
                    if (r.nextBoolean()) {
                        at = at.plusSeconds(300 + r.nextInt(3600));
                        add("NOTE", at);
                    }
                }
            }
            if (r.nextInt(100) < 25) {
                at = at.plusSeconds(60 + r.nextInt(3600));
                add("NOTE", at);
            }
        }

        void add(String kind, Instant at) {
            kinds.add(kind);
            times.add(at);
        }

        Instant updated() {
            return times.getLast();
        }

        long customerId() {
            return customerBase + 1 + customerIndex;
        }

        String body(int n, SplittableRandom t) {
            String[][] topicText = TOPICS.get(topic);
            return switch (kinds.get(n)) {
                case "CUSTOMER_MESSAGE" -> n == 0
                        ? (chinese ? one(t, OPENERS_ZH) + "我的订单/单号是" + reference + "。" + String.format(one(t, topicText[2]), product) + one(t, CLOSERS_ZH)
                                : "Hello, my reference is " + reference + ". " + String.format(one(t, topicText[3]), product) + " " + one(t, CLOSERS_EN))
                        : String.format(chinese ? one(t, FOLLOW_UPS_ZH) : one(t, FOLLOW_UPS_EN), product);
                case "REPLY" -> String.format(chinese ? one(t, REPLIES_ZH) : one(t, REPLIES_EN), product, 1 + t.nextInt(7));
                case "NOTE" -> String.format(chinese ? one(t, NOTES_ZH) : one(t, NOTES_EN), product);
                default -> null;
            };
        }
    }

    void loadTickets(Connection c) throws Exception {
        try (Sink s = sink(c, "ticket", "id", "number", "subject", "channel", "customer_id", "status", "priority",
                "confirmed_problem", "demand", "demand_deadline", "complaint_type", "product_ref", "order_ref", "custom_fields",
                "assignee_id", "team_id", "department_id", "merged_into_id", "created_at", "updated_at", "first_response_at",
                "resolved_at", "closed_at", "version")) {
            for (long i = 0; i < tickets; i++) {
                Plan p = new Plan(i);
                boolean assigned = !"NEW".equals(p.status) && p.r.nextInt(100) < 30;
                s.row(p.id, p.number, p.subject, p.channel, p.customerId(), p.status, p.priority, null, null, null,
                        p.complaintType, p.productRef, p.orderRef, null, assigned ? Long.valueOf(adminId) : null, null,
                        departmentIds[p.department], null, p.created, p.updated(), p.firstResponse, p.resolved, p.closed, 0L);
                progress("tickets", i);
            }
        }
    }

    void loadEntries(Connection c) throws Exception {
        long id = entryBase;
        try (Sink s = sink(c, "timeline_entry", "id", "ticket_id", "kind", "author_type", "author_id", "author_name",
                "channel", "body", "event_type", "event_data", "created_at")) {
            for (long i = 0; i < tickets; i++) {
                Plan p = new Plan(i);
                SplittableRandom t = rng("text", i);
                for (int n = 0; n < p.kinds.size(); n++) {
                    String kind = p.kinds.get(n);
                    boolean fromCustomer = "CUSTOMER_MESSAGE".equals(kind);
                    boolean event = "EVENT".equals(kind);
                    String from = "OPEN"; // the reply before it opened the ticket
                    s.row(++id, p.id, kind, fromCustomer ? "CUSTOMER" : event ? "SYSTEM" : "AGENT",
                            fromCustomer ? Long.valueOf(p.customerId()) : event ? null : Long.valueOf(adminId),
                            fromCustomer ? p.customer.name() : event ? "Kefu" : adminName,
                            fromCustomer || "REPLY".equals(kind) ? p.channel : null,
                            p.body(n, t), event ? "STATUS_CHANGED" : null,
                            event ? "{\"field\":\"status\",\"from\":\"" + from + "\",\"to\":\"" + p.status + "\"}" : null,
                            p.times.get(n));
                }
                progress("timeline entries (by ticket)", i);
            }
        }
    }

    void loadTags(Connection c) throws Exception {
        try (Sink s = sink(c, "ticket_tag", "ticket_id", "tag")) {
            for (long i = 0; i < tickets; i++) {
                SplittableRandom r = rng("tags", i);
                int n = r.nextInt(100) < 30 ? 0 : 1 + r.nextInt(3);
                int first = r.nextInt(TAGS.length);
                for (int k = 0; k < n; k++) {
                    // distinct: consecutive entries of the vocabulary from a random start
                    s.row(ticketBase + 1 + i, TAGS[(first + k * 7) % TAGS.length]);
                }
            }
        }
        // the tag catalogue
        try (PreparedStatement p = c.prepareStatement(
                "insert into tag (name, created_at) select ?, ? where not exists (select 1 from tag where name = ?)")) {
            for (String tag : TAGS) {
                p.setString(1, tag);
                p.setObject(2, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
                p.setString(3, tag);
                p.executeUpdate();
            }
        }
    }

    // ---- finishing: sequences past the largest ids, statistics -----------------------------------------

    void finish(Connection c) throws SQLException {
        String[][] sequences = {{"customer_seq", "customer"}, {"customer_contact_seq", "customer_email"},
                {"ticket_seq", "ticket"}, {"timeline_entry_seq", "timeline_entry"}};
        for (String[] s : sequences) {
            long max = scalar(c, "select coalesce(max(id), 0) from " + s[1]);
            long next = peekNext(c, s[0], 50);
            if (next <= max + 50) {
                setNext(c, s[0], max + 100, 50);
            }
        }
        long maxNumber = scalar(c, "select coalesce(max(cast(substring(number from 6) as bigint)), 0) from ticket");
        if (peekNext(c, "ticket_number_seq", 1) <= maxNumber) {
            setNext(c, "ticket_number_seq", maxNumber + 1, 1);
        }
        log("sequences advanced (ticket numbers continue after %d)", maxNumber);
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (String table : List.of("customer", "customer_email", "ticket", "timeline_entry", "ticket_tag", "tag")) {
                s.execute(postgres ? "vacuum analyze " + table : "analyze table " + table);
            }
        }
        log("vacuum/analyze in %.1f s; rows: customer %,d, ticket %,d, timeline_entry %,d, ticket_tag %,d", (System.nanoTime() - t) / 1e9,
                scalar(c, "select count(*) from customer"), scalar(c, "select count(*) from ticket"),
                scalar(c, "select count(*) from timeline_entry"), scalar(c, "select count(*) from ticket_tag"));
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    // ---- sinks: COPY for PostgreSQL, JDBC batches otherwise ----------------------------------------------

    interface Sink extends AutoCloseable {
        void row(Object... values) throws Exception;

        @Override
        void close() throws Exception;
    }

    Sink sink(Connection c, String table, String... columns) throws SQLException {
        return copy ? new CopySink(c, table, columns) : new BatchSink(c, table, columns);
    }

    static final class CopySink implements Sink {
        private final Writer out;
        private final StringBuilder line = new StringBuilder(512);

        CopySink(Connection c, String table, String[] columns) throws SQLException {
            org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
            out = new BufferedWriter(new OutputStreamWriter(new org.postgresql.copy.PGCopyOutputStream(pg,
                    "copy " + table + " (" + String.join(", ", columns) + ") from stdin", 1 << 16), StandardCharsets.UTF_8), 1 << 20);
        }

        @Override
        public void row(Object... values) throws Exception {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    line.append("\\N");
                } else if (v instanceof String s) {
                    for (int k = 0; k < s.length(); k++) {
                        char ch = s.charAt(k);
                        switch (ch) {
                            case '\\' -> line.append("\\\\");
                            case '\t' -> line.append("\\t");
                            case '\n' -> line.append("\\n");
                            case '\r' -> line.append("\\r");
                            default -> line.append(ch);
                        }
                    }
                } else {
                    line.append(v); // numbers, booleans, Instant (ISO-8601, which PostgreSQL reads)
                }
            }
            line.append('\n');
            out.append(line);
        }

        @Override
        public void close() throws Exception {
            out.close(); // ends the COPY
        }
    }

    static final class BatchSink implements Sink {
        private static final int BATCH = 1000;
        private final Connection connection;
        private final PreparedStatement statement;
        private int pending;
        private long total;

        BatchSink(Connection c, String table, String[] columns) throws SQLException {
            connection = c;
            statement = c.prepareStatement("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(columns.length, "?")) + ")");
        }

        @Override
        public void row(Object... values) throws Exception {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                statement.setObject(i + 1, v instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : v);
            }
            statement.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                total += pending;
                pending = 0;
                if (total % 50_000 == 0) {
                    connection.commit();
                }
            }
        }

        @Override
        public void close() throws Exception {
            flush();
            statement.close();
        }
    }

    // ---- output -------------------------------------------------------------------------------------------

    void progress(String what, long i) {
        if ((i + 1) % 200_000 == 0) {
            log("  %s: %,d / %,d", what, i + 1, tickets);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[generate %tT] %s%n", new java.util.Date(), String.format(Locale.ROOT, format, args));
    }
}
