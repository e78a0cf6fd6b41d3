"""Account names in the lines authentication services write (sshd, PAM, databases, web
servers' access logs), and the same answer from the batch path and the hint gate."""

from __future__ import annotations

import re

import polars as pl
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from features.privacy import Anonymizer, Policy, TokenKey
from features.privacy.detectors import (
    _KIND_WORDS,
    _PROTOCOLS,
    HINT_PATTERNS,
    HOME_ACCOUNTS,
    TOKEN_PATTERN,
    find_spans,
    has_hint,
    is_neutral,
)
from features.privacy.keys import is_machine_account, is_service_account

ANON = Anonymizer(Policy.load(), TokenKey.from_secret("login tests, not a secret"))

TEMPLATES = [
    "Failed password for invalid user {u} from 203.0.113.5 port 52113 ssh2",
    "Failed password for {u} from 203.0.113.5 port 52113 ssh2",
    "Accepted publickey for {u} from 198.51.100.23 port 50122 ssh2: RSA SHA256:abc",
    "Invalid user {u} from 203.0.113.7 port 41234",
    "pam_unix(sshd:session): session opened for user {u} by (uid=0)",
    "pam_unix(sshd:session): session closed for user {u}",
    'FATAL:  password authentication failed for user "{u}"',
    "Login failed for user 'CORP\\{u}'. Reason: Password did not match that for the login provided.",
    'connection authorized: user={u} database=orders',
    '203.0.113.9 - {u} [10/Oct/2025:13:55:36 -0700] "GET /cart HTTP/1.1" 200 2326',
    "Connection closed by authenticating user {u} 203.0.113.7 port 22 [preauth]",
    "ssh: connect to {u}@203.0.113.7 failed: Permission denied (publickey)",
    "Access denied for user '{u}'@'10.20.30.40' (using password: YES)",
    "systemd-logind[812]: New session 31 of user {u}.",
    "Account Name:\t\t{u}\r\n\tAccount Domain:\t\tCORP",
    "sudo:   {u} : TTY=pts/0 ; PWD=/srv ; USER=root ; COMMAND=/bin/ls",
    'File "/home/{u}/svc/app.py", line 88, in handler',
    "open C:\\Users\\{u}\\AppData\\Local\\Temp\\x.tmp failed",
    "java.io.FileNotFoundException: /Users/{u}/conf/app.yml",
    "su: FAILED SU (to root) {u} on pts/0",
    "su[812]: (to postgres) {u} on pts/1",
    "pam_unix(su:session): session opened for user root(uid=0) by {u}(uid=1000)",
    "remote: error: push rejected for user {u} (permission denied)",
    'ERROR [auth] login failed for "{u}"',
    "Sign-in attempt failed for '{u}'",
    "AccessDenied: arn:aws:iam::123456789012:user/{u} is not authorized to perform s3:GetObject",
    "assumed arn:aws:sts::123456789012:assumed-role/deploy-role/{u} for the release",
    'FATAL:  role "{u}" does not exist',
    "copy to C:\\USERS\\{u}\\DESKTOP\\OUT.CSV denied",
    "dovecot: imap-login: Login: user=<{u}>, method=PLAIN, rip=203.0.113.5, lip=10.0.0.1, TLS",
    "dovecot: pop3-login: Disconnected (auth failed, 1 attempts in 2 secs): user=<{u}>, method=PLAIN",
    "dovecot: imap({u})<12345><AbCdEf12>: Logged out in=123 out=4567",
    "dovecot: lmtp({u}): msgid=<20261130.42@mail>: saved mail to INBOX",
    "dovecot: auth: passwd-file({u},203.0.113.5,<Ab12Cd34>): unknown user",
    "dovecot: auth-worker(4242): pam({u},2001:db8::7): pam_authenticate() failed",
    '[pid 12345] [{u}] FAIL LOGIN: Client "203.0.113.5"',
    '[pid 12346] [{u}] OK DOWNLOAD: Client "203.0.113.5", "/srv/ftp/r.pdf", 52311 bytes',
    "{u}/203.0.113.5:51234 MULTI_sva: pool returned IPv4=10.8.0.6",
    "ovpn-server[812]: {u}/203.0.113.5:51234 SENT CONTROL [{u}]: 'PUSH_REPLY,route 10.8.0.1' (status=1)",
    "MULTI: Learn: 10.8.0.6 -> {u}/203.0.113.5:51234",
    "203.0.113.5:51234 [{u}] Peer Connection Initiated with [AF_INET]203.0.113.5:51234",
    "AccessDenied: User: arn:aws:iam::123456789012:user/{u} is not authorized to perform: s3:GetObject",
    '[auth_basic:error] [pid 812] AH01617: user {u}: authentication failure for "/admin": Password Mismatch',
    "AH01618: user {u} not found: /admin",
    "USER {u}: Login successful.",
    "USER {u} (Login failed): Incorrect password",
    "Auth: [SMB2,(null)] user [CORP]\\[{u}] at [Mon, 30 Nov 2026 10:00:00.000000 UTC] with [NTLMv2] status [X]",
    "Login incorrect (mschap: MS-CHAP2-Response is incorrect): [{u}] (from client wifi port 0 cli 00-11-22-33-44-55)",
    "Login OK: [{u}] (from client wifi port 0)",
    "Failed Login: username={u} ip=203.0.113.5",
    "logger=context userId=3 orgId=1 uname={u} t=2026-11-30T10:00:00Z",
    "2026-11-30 10:00:00.123 UTC [812] {u}@orders FATAL:  password authentication failed",
    "2026-11-30 10:00:00.123 UTC [812] {u}@orders LOG:  connection authorized: database=orders",
    '<Data Name="TargetUserName">{u}</Data><Data Name="TargetDomainName">CORP</Data>',
    "Successfully authenticated as principal {u} on admin from client 203.0.113.5:51234",
    "SASL SCRAM-SHA-256 authentication failed for {u} on admin from client 203.0.113.5:51234",
    "audit: type=USER_LOGIN msg=audit(1700000000.123:456): pid=812 uid=0 msg='op=login acct=\"{u}\" res=failed'",
    "[transport] [access_denied]\torigin_type=[rest], principal=[{u}], action=[indices:data/read]",
]
names = st.from_regex(r"[a-z][a-z0-9._-]{1,13}[a-z0-9_-]", fullmatch=True)  # no final dot: "of user jdoe." ends a sentence
words = st.lists(st.sampled_from(["retry", "auth", "for", "the", "worker", "in", "error"]), max_size=4)
PROFILE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(st.sampled_from(TEMPLATES), names, words, words)
def test_account_names_are_tokenized(template: str, name: str, before: list[str], after: list[str]) -> None:
    assume(name not in HOME_ACCOUNTS and name not in _PROTOCOLS and name not in _KIND_WORDS)
    assume(not is_neutral(name))  # "xxx", "none": what a masked value looks like
    assume(not is_service_account(name) and not is_machine_account(name))  # billing-svc, app_ro, DC01$: a service's
    assume(name not in template.replace("{u}", " "))
    if template.endswith(("{u}", "{u}/203.0.113.5:51234")):
        after = []  # PAM and OpenVPN end their line with the name (and address); not so words
    if template.startswith("{u}/"):
        before = []  # OpenVPN starts its line with user/address:port
    text = " ".join([*before, template.format(u=name), *after]).strip()
    assume(name not in " ".join(before + after))
    out = ANON.anonymize_text(text)
    assert name not in re.sub(TOKEN_PATTERN, "", out)  # a short name can be in a token's hex
    assert "<user_id:" in out
    assert has_hint(text)
    assert any(pl.Series([text]).str.contains(p).item() for p in HINT_PATTERNS)
    assert ANON.anonymize_text(out) == out
    batch = ANON.anonymize_batch(pl.DataFrame({"message": [text, out]}))
    assert batch.get_column("message").to_list() == [out, out]


def test_system_accounts_and_plain_words_stay() -> None:
    for text in [
        "sudo:   root : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/ls",
        'File "/home/ubuntu/app/main.py", line 12', "at /home/node/app/server.js:42:13",
        "GET /home/feed/1 HTTP/1.1", "redirect to /home/welcome", "Removed session 31.",
        "Account Name:\t\t-", r"C:\Users\Public\Documents\setup.log",
        "pam_unix(cron:session): session opened for user root by (uid=0)",
        "Failed password for invalid user admin from 203.0.113.5 port 22 ssh2",
        "user not found", 'user "not found" in cache', "looked up user preferences for 3 s",
        "for user with id 42", "User-Agent: curl/8.4.0",
        "fatal: Authentication failed for 'https://github.com/org/repo.git/'",
        "su: (to root) root on pts/0", "arn:aws:iam::123456789012:role/deploy-role",
        'ERROR:  relation "users" does not exist', 'FATAL:  role "postgres" does not exist',
        "loaded settings for user preferences (cached)", "for user profile (v2) in 3 ms",
        "listening on tcp/0.0.0.0:8080 and udp/10.0.0.5:53", "dial tcp4/10.0.0.7:5432: refused",
        "user=<>, rip=203.0.113.5", "Login: user=<user_id>, method=PLAIN", "user=<root>, method=PLAIN",
        "device fingerprint mismatch mac=<TOKEN> user=<TOKEN><*> geo=<TOKEN>", "Login: user=<*>, method=<*>",
        "imap(root)<1><x>: Disconnected", "pam(root,203.0.113.5): auth failed",
        "[pid 12340] CONNECT: Client", "[pid 1] [ftp] OK LOGIN: Client", "GET /static/js/1.2.3.4:5",
        "auth-worker(4242): conn unix:auth-worker (pid=812): auth-worker<1>: Handshake",
        "User: arn:aws:sts::123456789012:assumed-role/deploy-role is not authorized",
        # Java's InetSocketAddress, host/address:port: a host name, not OpenVPN's user/address
        "Unable to connect to redis-pricing.cache.internal/10.27.219.217:6379",
        "Connection refused: localhost/127.0.0.1:8080", "channel [id: 0x1, R:db/10.0.0.2:5432] closed",
        "Connection to node 1 (kafka-1/10.0.0.5:9092) could not be established.",
        "user profile not found: cache miss", "user settings: authentication failure for /admin",
        "Login OK: [] (from client wifi port 0)", "USER root: Login successful.",
        "[812] postgres@orders LOG:  checkpoint starting: time", "mail to ops@example.com LOG: x",
        '<Data Name="TargetUserName">-</Data>', "roles=[admin,ops] principal=[]",
        "at sql(id,cafe) in query.js", "lua(state,1.0) returned nil",
    ]:
        kinds = [s.kind for s in find_spans(text)]
        assert "user_id" not in kinds, text


def test_spaced_numbers_a_key_names_are_read_whole() -> None:
    for text, value in [
        ("card=4242 4242 4242 4242 ref=12/27", "4242 4242 4242 4242"),
        ("cc=4111-1111-1111-1111 amount=20", "4111-1111-1111-1111"),
        ("iban=DE89 3704 0044 0532 0130 00 reason=closed", "DE89 3704 0044 0532 0130 00"),
        ("phone=+44 20 7946 0958 ok", "+44 20 7946 0958"),
    ]:
        spans = find_spans(text)
        assert [text[s.start:s.end] for s in spans] == [value], text
    # a key-named value no shape detector reads further keeps its own extent
    assert [s.kind for s in find_spans("card=4242 expired")] == ["card"]


def test_url_password_without_user() -> None:
    text = "invalid password, url=redis://:s3cr3tP4ss@cache-1:6379/0"
    assert [(s.kind, text[s.start:s.end]) for s in find_spans(text)] == [("password", "s3cr3tP4ss")]
    assert find_spans("ftp://anonymous:@ftp.example.com/") == []


FRAGMENTS = ["for", "FOR", "from", "For", "invalid", "Illegal", "unknown", "user", "USER", "User",
             "password", "publickey", "keyboard-interactive/pam", "hostbased", "gssapi-with-mic",
             "by", "port", "(uid=0)", "[preauth]", "'", '"', "\\", ":", "=", "alice", "x_y",
             "bob.j", "203.0.113.5", "-", "[10/Oct/2025:13:55:36", "-0700]", "_", "a", "é", "İ",
             "@", "@203.0.113.7", "1.2.3.45", "{", "=>", "authenticating", "by", "x.y-z",
             "session", "Session", "4", "of", "of user", ".", "Account", "Name:", "name:", "\t",
             "sudo:", " : ", "TTY=pts/0", "x.", "user=<", "<", ">", "imap(", "pam(", "(", ")", ",",
             "[pid", "pid 42]", "[", "]", "OK", "FAIL", "LOGIN:", "/", "203.0.113.5:1194", "tcp",
             "Peer Connection Initiated", "] ", "orders", "LOG:  ", "FATAL:", "authenticated as principal",
             "authentication failed for", "on admin from client", "AH01617:", "USER", "Login OK:", "SENT CONTROL",
             '<Data Name="TargetUserName">', "</Data>", "user=<jdoe>"]


@PROFILE
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=14),
       st.lists(st.sampled_from([" ", "", "  ", "\t", "\n"]), min_size=14, max_size=14))
def test_anchored_login_search_finds_what_each_branch_finds(parts: list[str], seps: list[str]) -> None:
    from features.privacy.detectors import _LOGIN_USER, _login_matches

    text = "".join(p + s for p, s in zip(parts, seps, strict=False))
    want = sorted({m.span("v") for pattern in _LOGIN_USER for m in pattern.finditer(text)})
    assert _login_matches(text, text.lower()) == want


def test_empty_pam_values_do_not_take_the_next_pair() -> None:
    text = ("pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= "
            "rhost=203.0.113.5  user=alice")
    out = ANON.anonymize_text(text)
    assert "logname= uid=0 euid=0 tty=ssh ruser= rhost=<ipv4:" in out
    assert "alice" not in out and "203.0.113.5" not in out


def test_ruby_symbol_keys() -> None:
    text = 'Parameters: {:password=>"hunter2", :first_name=>"Nina", :last_name=>"Weber", :page=>"2"}'
    out = ANON.anonymize_text(text)
    for raw in ("hunter2", "Nina", "Weber"):
        assert raw not in out
    assert ':page=>"2"' in out and ":password=>" in out


def test_fcm_registration_tokens_are_masked() -> None:
    token = ("dGhpcyBpcyBhIHRlc3QgdG9rZW4:APA91bHPRgkF3JUikC4ENAHEeMrd41Zxv3hVZjC9KtT8OvPVGJ-hQMRKRrZuJAEcl7"
             "B338qju59zJMjw2DELjzEvxwYv7hH5Ynpc1ODQ0aT4U4OFEeco8ohsN5PjL1iC2dNtk2BAokeMCg2ZXKqpc8FXKmhX94kIxQ")
    out = ANON.anonymize_text(f"FCM send failed (NotRegistered) for {token}")
    assert token not in out and "APA91b" not in out and "<api_key>" in out


def test_mysql_says_whether_a_password_was_sent() -> None:
    text = "ERROR 1045 (28000): Access denied for user 'bob'@'localhost' (using password: YES)"
    out = ANON.anonymize_text(text)
    assert out.endswith("(using password: YES)") and "'bob'" not in out
    assert "hunter2" not in ANON.anonymize_text("password: hunter2")


def test_ldap_names_of_people_only() -> None:
    for text, name in [
        ("LDAP bind failed for CN=John Smith,OU=Users,DC=corp,DC=example,DC=com", "John Smith"),
        ("member added: CN=Smith\\, John,OU=Sales,DC=corp,DC=com", "Smith\\, John"),
        ("cn=Marie-Claire van der Berg,cn=Users,dc=corp,dc=com: password expired", "Marie-Claire van der Berg"),
    ]:
        spans = find_spans(text)
        assert [(s.kind, text[s.start:s.end]) for s in spans] == [("person_name", name)], text
        assert any(pl.Series([text]).str.contains(p).item() for p in HINT_PATTERNS)
        out = ANON.anonymize_text(text)
        assert name not in out and ANON.anonymize_text(out) == out
    for text in [
        "member added to CN=Domain Admins,CN=Users,DC=corp,DC=com",
        "x509: certificate is valid for CN=api.example.com,O=Example Inc,C=US",
        "moved CN=WS-0142,OU=Workstations,DC=corp,DC=com", "CN=Sales Team,OU=Groups,DC=corp,DC=com",
        "subject: CN=QA Bot, O=Example",  # no OU/DC/CN after it: a certificate, not a directory
    ]:
        assert [s.kind for s in find_spans(text)] == [], text
    # a person's name in a certificate is not read as a directory's, but the lists of given
    # names and surnames still find it
    text = "subject: CN=Jana Smith, O=Example"
    assert [(s.kind, text[s.start:s.end]) for s in find_spans(text)] == [("person_name", "Jana Smith")]
