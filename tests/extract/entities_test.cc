#include "corroborate/extract/entities.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace corroborate::extract {
namespace {

std::vector<std::string> Names(const std::string& s, EntityType type) {
  std::vector<std::string> out;
  for (const EntityMention& m : ExtractEntities(s, Span{0, static_cast<uint32_t>(s.size())})) {
    if (m.type == type) out.push_back(m.name);
  }
  return out;
}

TEST(EntitiesTest, FindsPeopleOrganisationsAndPlaces) {
  std::string s = "Ukrainian President Volodymyr Zelenskyy met envoy Steve Witkoff and the "
                  "Centre for Strategic and International Studies (CSIS) in Abu Dhabi.";
  EXPECT_EQ(Names(s, EntityType::kPerson), (std::vector<std::string>{"Volodymyr Zelenskyy", "Steve Witkoff"}));
  EXPECT_EQ(Names(s, EntityType::kOrganization),
            (std::vector<std::string>{"Centre for Strategic and International Studies", "CSIS"}));
  EXPECT_EQ(Names(s, EntityType::kPlace), (std::vector<std::string>{"Ukrainian", "Abu Dhabi"}));
}

TEST(EntitiesTest, CalendarWordsAndTitlesSplitNames) {
  std::string s = "In an interview with NBC in February, Kremlin spokesperson Dmitry Peskov spoke.";
  auto all = ExtractEntities(s, Span{0, static_cast<uint32_t>(s.size())});
  std::vector<std::string> names;
  for (const auto& m : all) names.push_back(m.name);
  EXPECT_NE(std::find(names.begin(), names.end(), "NBC"), names.end());
  EXPECT_NE(std::find(names.begin(), names.end(), "Dmitry Peskov"), names.end());
  for (const auto& n : names) EXPECT_EQ(n.find("February"), std::string::npos) << n;
}

TEST(EntitiesTest, NameKeysFoldSpellingAndAccents) {
  EXPECT_EQ(NameKey("The Centre for Strategic Studies"), NameKey("Center for Strategic Studies"));
  EXPECT_EQ(NameKey("U.S."), NameKey("US"));
  EXPECT_EQ(NameKey("São Paulo"), "sao paulo");
  EXPECT_EQ(SurnameKey("Zelenskyy"), SurnameKey("Zelensky"));
  EXPECT_EQ(SurnameKey("Zelenskiy"), SurnameKey("Zelensky"));
  EXPECT_EQ(SurnameKey("Syrskii"), SurnameKey("Syrskyi"));
  EXPECT_NE(SurnameKey("Peskov"), SurnameKey("Zelensky"));
}

TEST(EntitiesTest, ResolverMergesAliases) {
  EntityResolver r;
  auto add = [&](const std::string& name, EntityType t, const std::string& defines = "") {
    EntityMention m;
    m.name = name;
    m.type = t;
    m.defines = defines;
    r.Add(m);
  };
  add("Volodymyr Zelenskyy", EntityType::kPerson);
  add("Volodymyr Zelensky", EntityType::kPerson);
  add("Zelensky", EntityType::kOther);
  add("Centre for Strategic and International Studies", EntityType::kOrganization, "CSIS");
  add("CSIS", EntityType::kOrganization);
  add("Center for Strategic and International Studies", EntityType::kOrganization);
  add("United Nations", EntityType::kOrganization);
  add("UN", EntityType::kOrganization);
  add("United Nations Human Rights Monitoring Mission in Ukraine", EntityType::kOrganization);
  add("Dmitry Peskov", EntityType::kPerson);
  r.Resolve();
  EXPECT_EQ(r.Find("Zelenskyy"), r.Find("Volodymyr Zelensky"));
  EXPECT_EQ(r.Find("Zelenskiy"), r.Find("Volodymyr Zelensky"));  // by transliteration key
  EXPECT_EQ(r.Find("CSIS"), r.Find("Center for Strategic and International Studies"));
  EXPECT_EQ(r.Find("UN"), r.Find("United Nations"));
  EXPECT_NE(r.Find("Peskov"), r.Find("Zelensky"));
  int un = r.Find("United Nations");
  int mission = r.Find("United Nations Human Rights Monitoring Mission in Ukraine");
  EXPECT_NE(un, mission);
  EXPECT_TRUE(r.Related(un, mission));
  EXPECT_FALSE(r.Related(un, r.Find("CSIS")));
  const Entity& z = r.entities()[r.Find("Zelensky")];
  EXPECT_EQ(z.type, EntityType::kPerson);
  EXPECT_EQ(z.mentions, 3u);
}

}  // namespace
}  // namespace corroborate::extract
