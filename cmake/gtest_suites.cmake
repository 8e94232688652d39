# alis_add_gtest_suites(TARGET [PREFIX p] [FILTER f] [TIMEOUT s] [ENVIRONMENT e]): one ctest test
# per GoogleTest suite of TARGET, named <p><suite>, each running the suite's tests in one process
# (--gtest_filter=<suite>.*). Like gtest_discover_tests(... DISCOVERY_MODE PRE_TEST), the list is
# read from the program when ctest starts, so a new suite needs no reconfiguring; unlike it, the
# tests of a suite share one process instead of starting one each, which halves the sanitizer
# tests' time (docs/performance.md, "make test: one process per suite"). FILTER narrows the suites
# (a --gtest_filter such as "Auth.*:Region.*"); LABEL gives every test that ctest label.
function(alis_add_gtest_suites target)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "PREFIX;FILTER;TIMEOUT;ENVIRONMENT;LABEL" "")
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set(script "${CMAKE_CURRENT_BINARY_DIR}/${target}_${ARG_PREFIX}suites.cmake")
  file(GENERATE OUTPUT "${script}" CONTENT
"set(SUITES_EXE [==[$<TARGET_FILE:${target}>]==])
set(SUITES_PREFIX [==[${ARG_PREFIX}]==])
set(SUITES_FILTER [==[${ARG_FILTER}]==])
set(SUITES_TIMEOUT [==[${ARG_TIMEOUT}]==])
set(SUITES_ENVIRONMENT [==[${ARG_ENVIRONMENT}]==])
set(SUITES_LABEL [==[${ARG_LABEL}]==])
include([==[${CMAKE_SOURCE_DIR}/cmake/gtest_suites_run.cmake]==])
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES "${script}")
endfunction()
