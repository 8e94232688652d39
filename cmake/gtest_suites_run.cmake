# Run by ctest when it reads the test list (see alis_add_gtest_suites in gtest_suites.cmake): asks
# the test program for its tests and adds one ctest test per GoogleTest suite, PREFIX<suite>, that
# runs the suite's tests in one process. Set before inclusion: SUITES_EXE, SUITES_PREFIX,
# SUITES_FILTER (a --gtest_filter, or empty for all), SUITES_TIMEOUT, SUITES_ENVIRONMENT and
# SUITES_LABEL.
if(NOT EXISTS "${SUITES_EXE}")
  add_test("${SUITES_PREFIX}NOT_BUILT" "${SUITES_EXE}")
  return()
endif()
set(list_arguments --gtest_list_tests)
if(SUITES_FILTER)
  list(APPEND list_arguments "--gtest_filter=${SUITES_FILTER}")
endif()
execute_process(COMMAND "${SUITES_EXE}" ${list_arguments}
  OUTPUT_VARIABLE listing ERROR_VARIABLE listing_errors RESULT_VARIABLE listing_result)
if(NOT listing_result EQUAL 0)
  # A test that fails with the program's own words, instead of a silently shorter list.
  add_test("${SUITES_PREFIX}LISTING_FAILED" "${SUITES_EXE}" ${list_arguments})
  return()
endif()
string(REPLACE "\n" ";" lines "${listing}")
foreach(line IN LISTS lines)
  # A suite's line is "Suite." (typed suites add "  # TypeParam = ..."); its tests are indented.
  if(line MATCHES "^([^ #][^ ]*)\\.( |$)")
    set(suite "${CMAKE_MATCH_1}")
    set(name "${SUITES_PREFIX}${suite}")
    add_test("${name}" "${SUITES_EXE}" "--gtest_filter=${suite}.*")
    set_tests_properties("${name}" PROPERTIES TIMEOUT "${SUITES_TIMEOUT}")
    if(SUITES_LABEL)
      set_tests_properties("${name}" PROPERTIES LABELS "${SUITES_LABEL}")
    endif()
    if(SUITES_ENVIRONMENT)
      set_tests_properties("${name}" PROPERTIES ENVIRONMENT "${SUITES_ENVIRONMENT}")
    endif()
  endif()
endforeach()
