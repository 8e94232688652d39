// The response cache: a body is reused only for the data generation it was computed at, and the
// cache stays within its byte budget by dropping the least recently used body.
#include <gtest/gtest.h>

#include <string>

#include "web/response_cache.hpp"

namespace alis::web {
namespace {

TEST(ResponseCache, ReusesABodyOnlyForItsGeneration) {
    ResponseCache cache;
    int computed = 0;
    auto compute = [&] { return "body " + std::to_string(++computed); };
    EXPECT_EQ(*cache.get_or_compute("a", 1, compute), "body 1");
    EXPECT_EQ(*cache.get_or_compute("a", 1, compute), "body 1");
    EXPECT_EQ(*cache.get_or_compute("a", 2, compute), "body 2") << "the data changed";
    EXPECT_EQ(*cache.get_or_compute("b", 2, compute), "body 3") << "another key";
    EXPECT_EQ(computed, 3);
}

TEST(ResponseCache, ANewGenerationDropsWhatWasComputedBefore) {
    ResponseCache cache;
    cache.get_or_compute("a", 1, [] { return std::string(100, 'a'); });
    cache.get_or_compute("b", 1, [] { return std::string(50, 'b'); });
    EXPECT_EQ(cache.bytes(), 150u);
    cache.get_or_compute("c", 2, [] { return std::string(10, 'c'); });
    EXPECT_EQ(cache.bytes(), 10u) << "bodies of generation 1 can never be used again";
}

TEST(ResponseCache, StaysWithinItsBudgetDroppingTheLeastRecentlyUsed) {
    ResponseCache cache(300);
    int computed = 0;
    auto body = [&](char c) {
        return [&computed, c] {
            ++computed;
            return std::string(100, c);
        };
    };
    cache.get_or_compute("a", 1, body('a'));
    cache.get_or_compute("b", 1, body('b'));
    cache.get_or_compute("c", 1, body('c'));
    cache.get_or_compute("a", 1, body('a'));  // "a" is used again; "b" is now the oldest.
    EXPECT_EQ(computed, 3);
    cache.get_or_compute("d", 1, body('d'));
    EXPECT_EQ(cache.bytes(), 300u);
    cache.get_or_compute("a", 1, body('a'));
    cache.get_or_compute("c", 1, body('c'));
    EXPECT_EQ(computed, 4) << "a and c were kept";
    cache.get_or_compute("b", 1, body('b'));
    EXPECT_EQ(computed, 5) << "b was dropped";
}

TEST(ResponseCache, ABodyHandedOutSurvivesItsEviction) {
    ResponseCache cache(100);
    const auto first = cache.get_or_compute("a", 1, [] { return std::string(100, 'a'); });
    cache.get_or_compute("b", 1, [] { return std::string(100, 'b'); });
    EXPECT_EQ(*first, std::string(100, 'a')) << "a response still being sent keeps its bytes";
}

}  // namespace
}  // namespace alis::web
