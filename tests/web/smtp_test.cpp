// The SMTP client's text (web/smtp.hpp): a subject in Norwegian as RFC 2047 encoded words that
// decode to the same letters, a body whose lines starting with "." are stuffed, the headers a
// mail client needs, and HOST:PORT read strictly.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "web/smtp.hpp"

namespace alis::web {
namespace smtp_test {

TEST(SmtpText, AnAsciiSubjectStaysAsItIsAndANorwegianOneIsEncodedInWholeCharacters) {
    EXPECT_EQ(encode_header_text("Nye oppgaver i alis"), "Nye oppgaver i alis");
    EXPECT_EQ(encode_header_text("Hei\r\nBcc: x@y.no"), "HeiBcc: x@y.no") << "no header injection";
    EXPECT_EQ(encode_header_text("Blåbærsyltetøy"), "=?UTF-8?B?QmzDpWLDpnJzeWx0ZXTDuHk=?=");
    // A long subject is split into several words, none longer than 75 characters, each of whole
    // UTF-8 characters (45 bytes of "æ" is 22.5 letters: the split must move back one byte).
    std::string long_subject;
    for (int i = 0; i < 40; ++i) {
        long_subject += "æ";
    }
    const auto encoded = encode_header_text(long_subject);
    std::size_t start = 0;
    int words = 0;
    while (start < encoded.size()) {
        auto end = encoded.find("\r\n ", start);
        if (end == std::string::npos) {
            end = encoded.size();
        }
        const auto word = encoded.substr(start, end - start);
        EXPECT_LE(word.size(), 75u) << word;
        EXPECT_TRUE(word.starts_with("=?UTF-8?B?") && word.ends_with("?=")) << word;
        ++words;
        start = end + 3;
    }
    EXPECT_EQ(words, 2);
    EXPECT_EQ(encoded.substr(10, 4), "w6bD") << "starts with a whole æ (C3 A6)";
}

TEST(SmtpText, ABodyIsSentWithCrlfAndItsLeadingDotsDoubled) {
    EXPECT_EQ(dot_stuffed("Hei\n.\n..to\nslutt"), "Hei\r\n..\r\n...to\r\nslutt\r\n");
    EXPECT_EQ(dot_stuffed("a\r\nb\n"), "a\r\nb\r\n");
}

TEST(SmtpText, TheMessageHasItsDateIdAndPlainUtf8Text) {
    domain::OutboxMail mail;
    mail.id = 7;
    mail.queued_at = 1795305600;
    mail.recipient = "kari@alis.no";
    mail.subject = "Nye oppgaver";
    mail.body = ".skjult linje\n";
    const auto text = format_message(mail, "alis@bergen.kommune.no", 1795305600);
    EXPECT_NE(text.find("Date: Sun, 22 Nov 2026 00:00:00 +0000\r\n"), std::string::npos) << text;
    EXPECT_NE(text.find("Message-ID: <alis-mail-7.1795305600@bergen.kommune.no>\r\n"),
              std::string::npos);
    EXPECT_NE(text.find("Content-Type: text/plain; charset=utf-8\r\n"), std::string::npos);
    EXPECT_TRUE(text.ends_with("\r\n\r\n..skjult linje\r\n")) << text;
}

TEST(SmtpText, HostAndPortAreReadStrictly) {
    EXPECT_EQ(parse_host_port("mail.kommune.no:587"),
              (std::pair<std::string, unsigned short>{"mail.kommune.no", 587}));
    EXPECT_EQ(parse_host_port("[::1]:25"), (std::pair<std::string, unsigned short>{"::1", 25}));
    EXPECT_EQ(parse_host_port("mail.kommune.no"), std::nullopt);
    EXPECT_EQ(parse_host_port("mail:0"), std::nullopt);
    EXPECT_EQ(parse_host_port("mail:65536"), std::nullopt);
    EXPECT_EQ(parse_host_port("ma il:25"), std::nullopt);
    EXPECT_EQ(parse_host_port(":25"), std::nullopt);
}

TEST(SmtpClient, AServerThatNeverAnswersFailsTheStepAfterItsTimeoutAndTheMailIsKept) {
    // A listening socket that nobody serves: the connection is made, the greeting never comes.
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor silent(io, {boost::asio::ip::make_address("127.0.0.1"), 0});
    SmtpSettings settings;
    settings.host = "127.0.0.1";
    settings.port = silent.local_endpoint().port();
    settings.timeout = std::chrono::seconds(1);
    domain::OutboxMail mail;
    mail.recipient = "kari@alis.no";
    mail.subject = "Nye oppgaver";
    bool reached_the_end = false;
    try {
        send_mail(settings, mail, 1795305600, [&] { return reached_the_end = true; });
        FAIL() << "a silent server cannot accept a mail";
    } catch (const SmtpError& e) {
        EXPECT_NE(std::string(e.what()).find("the greeting: no answer"), std::string::npos)
            << e.what();
        EXPECT_EQ(e.failure(), SmtpFailure::transient) << "tried again later";
    }
    EXPECT_FALSE(reached_the_end);
}

}  // namespace smtp_test
}  // namespace alis::web
