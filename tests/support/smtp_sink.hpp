#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace alis::testing {

// A free TCP port on 127.0.0.1 (bound once and released): nothing listens there until a test
// starts a server on it.
unsigned short free_loopback_port();

// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd) running
// tests/support/smtp_sink.py, which writes each message it accepts to a file. Not started until
// start(), so a test can first show what alis does while the server is down.
class SmtpSink {
  public:
    SmtpSink();
    // Starts the server on port(); fails the test when it does not come up. With `hold_first`,
    // the first message is kept but its acceptance (250) answered only after that many seconds.
    void start(int hold_first = 0);
    // Kills the server (as an outage would).
    void stop();
    unsigned short port() const { return port_; }
    std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
    // The messages accepted so far, in order, each as received (with X-Envelope-To first).
    std::vector<std::string> messages() const;

  private:
    unsigned short port_;
    TempDir dir_;
    std::unique_ptr<ChildProcess> server_;
};

}  // namespace alis::testing
