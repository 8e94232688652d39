#pragma once

// alis's own SMTP client (RFC 5321) on Boost.Asio, for the e-mail digests: EHLO, STARTTLS when
// asked (Boost.Asio SSL over OpenSSL, the server's certificate checked against the system's
// roots and its name), MAIL FROM, RCPT TO, DATA with dot-stuffing, QUIT; every step within a
// timeout. One mail per connection. docs/decisions.md ("E-mail: our own SMTP client on Asio")
// says why it is ours.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "domain/mail.hpp"

namespace alis::web {

// Whether the client asks the server for TLS (STARTTLS) before it sends anything else.
enum class StartTls { no, yes };

// Where and how mail is sent.
struct SmtpSettings {
    std::string host;
    unsigned short port = 25;
    StartTls starttls = StartTls::no;
    std::string from = "alis@localhost";  // The envelope sender and the From header.
    std::string helo = "localhost";       // The name alis gives in EHLO.
    std::chrono::seconds timeout{30};     // For each step: connect, each reply, each write.
};

// How a delivery failed: before the server had the mail (transient: try again later), refused
// for good (permanent: a 5xx to the recipient or the mail), or with no answer after the mail's
// end was sent (uncertain: the server may have it, so it must not be sent again by itself).
enum class SmtpFailure { transient, permanent, uncertain };

// A delivery that failed, with a one-line reason and how.
class SmtpError : public std::runtime_error {
  public:
    SmtpError(const std::string& reason, SmtpFailure failure)
        : std::runtime_error(reason), failure_(failure) {}
    SmtpFailure failure() const { return failure_; }

  private:
    SmtpFailure failure_;
};

// HOST:PORT ("mail.kommune.no:587", "[::1]:25") as a host and a port; nullopt when the text is
// not of that form or the port is not 1-65535.
std::optional<std::pair<std::string, unsigned short>> parse_host_port(std::string_view text);

// A header's text as RFC 2047 encoded words (=?UTF-8?B?...?=, each at most 75 characters, never
// splitting a character) when it holds anything but printable ASCII; else the text itself. CR
// and LF are dropped.
std::string encode_header_text(std::string_view utf8);

// A body for DATA: every line ended by CRLF, a line starting with "." given a second one
// (RFC 5321 4.5.2), ending with CRLF; the final "." is not included.
std::string dot_stuffed(std::string_view body);

// The whole message (headers and dot-stuffed body) of `mail` from `from`, dated `now` (Unix
// seconds), with a Message-ID that stays the same for every attempt of the same mail.
std::string format_message(const domain::OutboxMail& mail, const std::string& from,
                           std::int64_t now);

// Delivers `mail` through the server of `settings`. `before_final_dot` runs when everything but
// the final "." is written: when it returns false the connection is dropped, and the server
// discards the mail. Throws SmtpError.
void send_mail(const SmtpSettings& settings, const domain::OutboxMail& mail, std::int64_t now,
               const std::function<bool()>& before_final_dot);

}  // namespace alis::web
