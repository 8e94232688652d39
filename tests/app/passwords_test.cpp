#include "app/passwords.hpp"

#include <gtest/gtest.h>

namespace alis::app {
namespace passwords_test {

TEST(Passwords, PolicyCountsCharactersAndRefusesCommonOnes) {
    const PasswordPolicy policy;
    EXPECT_EQ(policy.check("elleve-tegn"), PasswordProblem::too_short);  // 11
    EXPECT_EQ(policy.check("tolv-tegn-ok"), std::nullopt);               // 12
    EXPECT_EQ(policy.check("æøåæøåæøåæø"), PasswordProblem::too_short)
        << "11 letters, 22 bytes: characters are counted, not bytes";
    EXPECT_EQ(policy.check("æøåæøåæøåæøå"), std::nullopt);
    EXPECT_EQ(policy.check(std::string(128, 'x') + ""), std::nullopt);
    EXPECT_EQ(policy.check(std::string(129, 'x')), PasswordProblem::too_long);
    EXPECT_EQ(policy.check(std::string(64, 'y')), std::nullopt) << "64 characters are allowed";
    // Words from Debian's cracklib list, in any case.
    EXPECT_EQ(policy.check("international"), PasswordProblem::too_common);
    EXPECT_EQ(policy.check("INTERNATIONAL"), PasswordProblem::too_common);
}

TEST(Passwords, MissingListIsAClearError) {
    EXPECT_THROW(PasswordPolicy("/no/such/list"), std::runtime_error);
}

TEST(Passwords, Argon2idHashesVerifyAndDiffer) {
    const std::string hash = hash_password("riktig-hest-batteri-stift");
    EXPECT_TRUE(hash.starts_with("$argon2id$"));
    EXPECT_NE(hash.find("m=19456"), std::string::npos) << "19 MiB";
    EXPECT_NE(hash.find("t=2"), std::string::npos) << "2 passes";
    EXPECT_TRUE(verify_password(hash, "riktig-hest-batteri-stift"));
    EXPECT_FALSE(verify_password(hash, "riktig-hest-batteri-stifT"));
    EXPECT_FALSE(verify_password("not a hash", "riktig-hest-batteri-stift"));
    EXPECT_NE(hash_password("riktig-hest-batteri-stift"), hash) << "salted";
    EXPECT_FALSE(verify_password(decoy_password_hash(), ""));
}

}  // namespace passwords_test
}  // namespace alis::app
