# Writes OUT, a C++ file defining archc::stdlib_json(name) over the JSON files
# of STDLIB_DIR, each as a raw string literal.
file(GLOB INPUTS ${STDLIB_DIR}/*.json)
list(SORT INPUTS)
set(body "// Generated from stdlib/*.json by stdlib/embed.cmake. Do not edit.\n#include <string_view>\n\nnamespace archc {\n\nstd::string_view stdlib_json(std::string_view name) {\n")
foreach(input ${INPUTS})
  get_filename_component(name ${input} NAME_WE)
  file(READ ${input} content)
  string(APPEND body "  if (name == \"${name}\") return R\"archc_json(${content})archc_json\";\n")
endforeach()
string(APPEND body "  return {};\n}\n\n}  // namespace archc\n")
file(WRITE ${OUT} "${body}")
