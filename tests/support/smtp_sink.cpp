#include "support/smtp_sink.hpp"

#include <filesystem>

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace alis::testing {

unsigned short free_loopback_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    close(fd);
    return ntohs(address.sin_port);
}

SmtpSink::SmtpSink() : port_(free_loopback_port()) {}

void SmtpSink::start(int hold_first) {
    // Debian's interpreter, where python3-aiosmtpd is installed (not a python3 of the PATH).
    const auto script = std::filesystem::path(ALIS_SOURCE_DIR) / "tests/support/smtp_sink.py";
    server_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/bin/python3", script.string(), std::to_string(port_),
                                 dir_.path().string(), std::to_string(hold_first)});
    ASSERT_TRUE(server_->wait_for_output("ready", std::chrono::seconds(20)))
        << "aiosmtpd did not start (scripts/install-deps test installs python3-aiosmtpd): "
        << server_->stderr_text();
}

void SmtpSink::stop() {
    server_.reset();
}

std::vector<std::string> SmtpSink::messages() const {
    std::vector<std::pair<int, std::filesystem::path>> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
        if (entry.path().extension() == ".eml") {
            files.emplace_back(std::stoi(entry.path().stem().string()), entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<std::string> messages;
    for (const auto& file : files) {
        std::ifstream in(file.second, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        messages.push_back(text.str());
    }
    return messages;
}

}  // namespace alis::testing
