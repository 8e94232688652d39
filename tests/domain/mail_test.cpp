#include <gtest/gtest.h>

#include "domain/mail.hpp"

namespace alis::domain {
namespace mail_test {

TEST(RetryDelay, DoublesAfterEachFailureUpToTheMaximum) {
    const RetryPolicy policy{60, 600};
    EXPECT_EQ(retry_delay(policy, 1), 60);
    EXPECT_EQ(retry_delay(policy, 2), 120);
    EXPECT_EQ(retry_delay(policy, 3), 240);
    EXPECT_EQ(retry_delay(policy, 4), 480);
    EXPECT_EQ(retry_delay(policy, 5), 600);
    EXPECT_EQ(retry_delay(policy, 1000), 600) << "no overflow after many failures";
}

TEST(RetryDelay, IsZeroForAZeroBaseSoThatTestsNeedNotWait) {
    EXPECT_EQ(retry_delay(RetryPolicy{0, 600}, 7), 0);
}

}  // namespace mail_test
}  // namespace alis::domain
