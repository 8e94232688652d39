// The response cache: a body is reused only for the data generation it was computed at, and the
// cache stays within its byte budget by dropping the least recently used body.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "web/response_cache.hpp"

namespace alis::web {
namespace response_cache_test {

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

// A cache of 100-byte bodies that counts how often each key's body was computed.
class CountingCache {
  public:
    explicit CountingCache(std::size_t byte_budget) : budget(byte_budget), cache(byte_budget) {}

    // Gets the body of `key` at generation 1, computing it (and counting that) if not held.
    void use(const std::string& key) {
        const auto body = cache.get_or_compute(key, 1, [&] {
            ++computed[key];
            return std::string(100, key.front());
        });
        EXPECT_EQ(*body, std::string(100, key.front())) << key;
        EXPECT_LE(cache.bytes(), budget) << "after using " << key;
    }
    const std::size_t budget;
    ResponseCache cache;
    std::map<std::string, int> computed;
};

TEST(ResponseCache, StaysWithinItsBudgetDroppingTheLeastRecentlyUsed) {
    CountingCache c(300);
    c.use("a");
    c.use("b");
    c.use("c");
    EXPECT_EQ(c.cache.bytes(), 300u) << "three bodies fit";
    c.use("a");  // "a" is used again; "b" is now the least recently used.
    EXPECT_EQ(c.computed, (std::map<std::string, int>{{"a", 1}, {"b", 1}, {"c", 1}}))
        << "a hit computes nothing";

    c.use("d");  // Over the budget: "b" must go, and only "b".
    EXPECT_EQ(c.cache.bytes(), 300u);
    c.use("a");
    c.use("c");
    c.use("d");
    EXPECT_EQ(c.computed, (std::map<std::string, int>{{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}}))
        << "the recently used a, c and d were kept";
    c.use("b");
    EXPECT_EQ(c.computed["b"], 2) << "b was dropped, so it is computed again";
    // Bringing b back dropped a, now the least recently used; c and d stay.
    c.use("c");
    c.use("d");
    EXPECT_EQ(c.computed["c"], 1);
    EXPECT_EQ(c.computed["d"], 1);
    c.use("a");
    EXPECT_EQ(c.computed["a"], 2) << "a was the least recently used when b came back";
    EXPECT_EQ(c.cache.bytes(), 300u);
}

TEST(ResponseCache, ABodyLargerThanTheBudgetIsNotKept) {
    ResponseCache cache(300);
    int computed = 0;
    auto big = [&] {
        ++computed;
        return std::string(301, 'x');
    };
    EXPECT_EQ(cache.get_or_compute("big", 1, big)->size(), 301u) << "still answered";
    EXPECT_LE(cache.bytes(), 300u);
    cache.get_or_compute("big", 1, big);
    EXPECT_EQ(computed, 2);
}

TEST(ResponseCache, ABodyHandedOutSurvivesItsEviction) {
    ResponseCache cache(100);
    const auto first = cache.get_or_compute("a", 1, [] { return std::string(100, 'a'); });
    cache.get_or_compute("b", 1, [] { return std::string(100, 'b'); });
    EXPECT_EQ(*first, std::string(100, 'a')) << "a response still being sent keeps its bytes";
}

}  // namespace response_cache_test
}  // namespace alis::web
