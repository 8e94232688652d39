#pragma once

// What `alis notify` and `alis serve --smtp` share of the e-mail digests' options: the SMTP
// server, STARTTLS, the sender and where the links point (notify_command.cpp).

#include <stdexcept>
#include <string>

#include "web/mail_delivery.hpp"

namespace alis::cli {

struct DigestOptions {
    std::string smtp;  // HOST:PORT.
    bool starttls = false;
    std::string from = "alis@localhost";
    std::string base_url = "http://localhost:8080";
};

// A digest option with a bad value; what() is the one line for the user, naming the option.
class DigestOptionError : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

// The digests' settings from the options; throws DigestOptionError.
web::NotifySettings digest_settings(const DigestOptions& options);

}  // namespace alis::cli
