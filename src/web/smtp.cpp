#include "web/smtp.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <charconv>
#include <ctime>
#include <vector>

#include "app/hashing.hpp"

namespace alis::web {
namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using boost::system::error_code;

constexpr std::size_t kMaxReply = 64 * 1024;
constexpr std::size_t kMaxEncodedWord = 75;

bool is_plain_ascii(std::string_view text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e) {
            return false;
        }
    }
    return true;
}

// An address fit for the envelope and a header: something@something, no spaces, brackets or
// line breaks.
bool is_plain_address(std::string_view address) {
    const auto at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) {
        return false;
    }
    for (const char c : address) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == ',' || c == '"') {
            return false;
        }
    }
    return true;
}

// RFC 5322's date, in UTC: "Wed, 02 Dec 2026 03:02:10 +0000".
std::string rfc5322_date(std::int64_t now) {
    const auto t = static_cast<std::time_t>(now);
    std::tm tm{};
    gmtime_r(&t, &tm);
    static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                  tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    return buf;
}

// Whether a 5xx reply to a command means the mail can never go through (the recipient, the
// message) or may be tried again (the greeting, EHLO, our sender: the server's or alis's set-up).
enum class Refusal { retry, final };

// A reply: its code and its lines' texts (after the code).
struct Reply {
    int code = 0;
    std::vector<std::string> lines;
    std::string summary() const {
        return std::to_string(code) + (lines.empty() ? "" : " " + lines.back());
    }
};

// One SMTP conversation on one connection. Every asynchronous step runs the io_context for at
// most the timeout; a step that does not finish closes the socket and fails.
class Conversation {
  public:
    explicit Conversation(const SmtpSettings& settings)
        : settings_(settings), socket_(io_), tls_context_(asio::ssl::context::tls_client) {}

    void connect() {
        tcp::resolver resolver(io_);
        tcp::resolver::results_type endpoints;
        run("resolving " + settings_.host, [&](auto done) {
            resolver.async_resolve(settings_.host, std::to_string(settings_.port),
                                   [&endpoints, done](error_code ec, auto results) {
                                       endpoints = std::move(results);
                                       done(ec);
                                   });
        });
        run("connecting to " + settings_.host + ":" + std::to_string(settings_.port),
            [&](auto done) {
                asio::async_connect(socket_, endpoints,
                                    [done](error_code ec, const tcp::endpoint&) { done(ec); });
            });
    }

    void start_tls() {
        tls_context_.set_default_verify_paths();
        tls_context_.set_verify_mode(asio::ssl::verify_peer);
        tls_.emplace(socket_, tls_context_);
        tls_->set_verify_callback(asio::ssl::host_name_verification(settings_.host));
        if (SSL_set_tlsext_host_name(tls_->native_handle(), settings_.host.c_str()) != 1) {
            throw SmtpError("STARTTLS: the server name could not be set", SmtpFailure::transient);
        }
        run("the TLS handshake", [&](auto done) {
            tls_->async_handshake(asio::ssl::stream_base::client,
                                  [done](error_code ec) { done(ec); });
        });
        buffer_.clear();
    }

    void write(const std::string& text, const std::string& step) {
        run(step, [&](auto done) {
            auto handler = [done](error_code ec, std::size_t) { done(ec); };
            if (tls_) {
                asio::async_write(*tls_, asio::buffer(text), handler);
            } else {
                asio::async_write(socket_, asio::buffer(text), handler);
            }
        });
    }

    Reply read_reply(const std::string& step) {
        Reply reply;
        for (;;) {
            std::size_t length = 0;
            run(step, [&](auto done) {
                auto handler = [&length, done](error_code ec, std::size_t n) {
                    length = n;
                    done(ec);
                };
                auto buffer = asio::dynamic_buffer(buffer_, kMaxReply);
                if (tls_) {
                    asio::async_read_until(*tls_, buffer, "\r\n", handler);
                } else {
                    asio::async_read_until(socket_, buffer, "\r\n", handler);
                }
            });
            std::string line = buffer_.substr(0, length - 2);
            buffer_.erase(0, length);
            int code = 0;
            const auto [end, ec] = std::from_chars(
                line.data(), line.data() + std::min<std::size_t>(3, line.size()), code);
            if (ec != std::errc{} || end != line.data() + 3 || code < 200 || code > 599 ||
                (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
                throw SmtpError(step + ": the server's reply is not SMTP", SmtpFailure::transient);
            }
            reply.code = code;
            reply.lines.push_back(line.size() > 4 ? line.substr(4) : "");
            if (line.size() == 3 || line[3] == ' ') {
                return reply;
            }
            if (reply.lines.size() > 100) {
                throw SmtpError(step + ": the server's reply is too long", SmtpFailure::transient);
            }
        }
    }

    // Sends `command` and reads its reply; a reply outside 2xx/3xx fails, for good when it is a
    // 5xx and `refusal` says that such a refusal is final.
    Reply command(const std::string& command, const std::string& step, Refusal refusal) {
        write(command + "\r\n", step);
        auto reply = read_reply(step);
        expect(reply, step, refusal);
        return reply;
    }

    static void expect(const Reply& reply, const std::string& step, Refusal refusal) {
        if (reply.code >= 400) {
            throw SmtpError(step + ": " + reply.summary(),
                            refusal == Refusal::final && reply.code >= 500
                                ? SmtpFailure::permanent
                                : SmtpFailure::transient);
        }
    }

    void close() {
        error_code ignored;
        socket_.shutdown(tcp::socket::shutdown_both, ignored);
        socket_.close(ignored);
    }

  private:
    // Starts an operation with `start(done)` and runs it to its end or the timeout.
    template <typename Start>
    void run(const std::string& step, Start start) {
        bool finished = false;
        error_code result;
        start([&finished, &result](error_code ec) {
            finished = true;
            result = ec;
        });
        io_.restart();
        io_.run_for(settings_.timeout);
        if (!finished) {
            close();
            io_.restart();
            io_.run();
            throw SmtpError(
                step + ": no answer within " + std::to_string(settings_.timeout.count()) + " s",
                SmtpFailure::transient);
        }
        if (result) {
            throw SmtpError(step + ": " + result.message(), SmtpFailure::transient);
        }
    }

    const SmtpSettings& settings_;
    asio::io_context io_;
    tcp::socket socket_;
    asio::ssl::context tls_context_;
    std::optional<asio::ssl::stream<tcp::socket&>> tls_;
    std::string buffer_;
};

bool offers(const Reply& ehlo, std::string_view keyword) {
    for (const auto& line : ehlo.lines) {
        std::string word = line.substr(0, line.find(' '));
        for (auto& c : word) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        if (word == keyword) {
            return true;
        }
    }
    return false;
}

// An envelope command with its address, e.g. "RCPT TO:<kari@alis.no>", then `rest`.
std::string with_address(std::string_view command, const std::string& address,
                         std::string_view rest) {
    std::string line(command);
    line.append("<").append(address).append(">").append(rest);
    return line;
}

}  // namespace

std::optional<std::pair<std::string, unsigned short>> parse_host_port(std::string_view text) {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0) {
        return std::nullopt;
    }
    std::string_view host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    for (const char c : host) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '.' || c == '-' || c == ':' || c == '_')) {
            return std::nullopt;
        }
    }
    unsigned port = 0;
    const auto digits = text.substr(colon + 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
    if (host.empty() || ec != std::errc{} || end != digits.data() + digits.size() || port == 0 ||
        port > 65535) {
        return std::nullopt;
    }
    return std::pair{std::string(host), static_cast<unsigned short>(port)};
}

std::string encode_header_text(std::string_view utf8) {
    std::string text;
    for (const char c : utf8) {
        if (c != '\r' && c != '\n') {
            text += c;
        }
    }
    if (is_plain_ascii(text)) {
        return text;
    }
    // Each encoded word holds whole characters: at most 45 bytes (60 of base64 plus the 12 of
    // "=?UTF-8?B?" and "?=" is 72 <= 75).
    constexpr std::size_t kBytesPerWord = 45;
    static_assert(12 + kBytesPerWord / 3 * 4 <= kMaxEncodedWord);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t end = std::min(i + kBytesPerWord, text.size());
        while (end < text.size() && end > i &&
               (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;  // Not in the middle of a character.
        }
        if (!out.empty()) {
            out += "\r\n ";
        }
        out += "=?UTF-8?B?" + app::to_base64(std::string_view(text).substr(i, end - i)) + "?=";
        i = end;
    }
    return out;
}

std::string dot_stuffed(std::string_view body) {
    std::string out;
    std::size_t start = 0;
    while (start < body.size()) {
        auto end = body.find('\n', start);
        if (end == std::string_view::npos) {
            end = body.size();
        }
        auto line = body.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (!line.empty() && line.front() == '.') {
            out += '.';
        }
        out.append(line).append("\r\n");
        start = end + 1;
    }
    return out;
}

std::string format_message(const domain::OutboxMail& mail, const std::string& from,
                           std::int64_t now) {
    const auto at = from.rfind('@');
    const std::string domain = at == std::string::npos ? "localhost" : from.substr(at + 1);
    std::string headers;
    headers += "Date: " + rfc5322_date(now) + "\r\n";
    headers += "From: " + from + "\r\n";
    headers += "To: " + mail.recipient + "\r\n";
    headers += "Subject: " + encode_header_text(mail.subject) + "\r\n";
    headers += "Message-ID: <alis-mail-" + std::to_string(mail.id) + "." +
               std::to_string(mail.queued_at) + "@" + domain + ">\r\n";
    headers += "MIME-Version: 1.0\r\n";
    headers += "Content-Type: text/plain; charset=utf-8\r\n";
    headers += "Content-Transfer-Encoding: 8bit\r\n";
    headers += "Auto-Submitted: auto-generated\r\n";
    return headers + "\r\n" + dot_stuffed(mail.body);
}

void send_mail(const SmtpSettings& settings, const domain::OutboxMail& mail, std::int64_t now,
               const std::function<bool()>& before_final_dot) {
    if (!is_plain_address(settings.from)) {
        throw SmtpError("the sender '" + settings.from + "' is not an e-mail address",
                        SmtpFailure::transient);
    }
    if (!is_plain_address(mail.recipient)) {
        throw SmtpError("the recipient is not an e-mail address", SmtpFailure::permanent);
    }
    Conversation smtp(settings);
    smtp.connect();
    Conversation::expect(smtp.read_reply("the greeting"), "the greeting", Refusal::retry);
    auto ehlo = smtp.command("EHLO " + settings.helo, "EHLO", Refusal::retry);
    if (settings.starttls == StartTls::yes) {
        if (!offers(ehlo, "STARTTLS")) {
            smtp.close();
            throw SmtpError("the server does not offer STARTTLS", SmtpFailure::transient);
        }
        smtp.command("STARTTLS", "STARTTLS", Refusal::retry);
        smtp.start_tls();
        ehlo = smtp.command("EHLO " + settings.helo, "EHLO after STARTTLS", Refusal::retry);
    }
    const std::string body_type = offers(ehlo, "8BITMIME") ? " BODY=8BITMIME" : "";
    smtp.command(with_address("MAIL FROM:", settings.from, body_type), "MAIL FROM", Refusal::retry);
    smtp.command(with_address("RCPT TO:", mail.recipient, ""), "RCPT TO", Refusal::final);
    smtp.command("DATA", "DATA", Refusal::final);
    smtp.write(format_message(mail, settings.from, now), "the message");
    if (!before_final_dot()) {
        smtp.close();
        throw SmtpError("the mail's claim ran out before its delivery ended",
                        SmtpFailure::transient);
    }
    // From here the server may have the mail: a reply that never comes leaves that uncertain.
    Reply accepted;
    try {
        smtp.write(".\r\n", "the end of the message");
        accepted = smtp.read_reply("the end of the message");
    } catch (const SmtpError& e) {
        throw SmtpError(std::string(e.what()) + " (the server may have the mail)",
                        SmtpFailure::uncertain);
    }
    Conversation::expect(accepted, "the end of the message", Refusal::final);
    try {
        smtp.command("QUIT", "QUIT", Refusal::retry);
    } catch (const SmtpError&) {
        // The mail is accepted; a server that hangs up without its 221 changes nothing.
    }
    smtp.close();
}

}  // namespace alis::web
