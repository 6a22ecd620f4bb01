// Named entities: people, organisations and places, found from capitalisation and cue
// words (data/extract/entity_cues.tsv, places.tsv), and merged across a story's articles
// by alias rules:
//   transliteration variants   Zelensky / Zelenskyy / Zelenskiy, Syrskii / Syrskyi
//   surname alone              "Zelensky" -> "Volodymyr Zelenskyy"
//   spelling variants          Centre / Center (data/extract/spelling.tsv)
//   acronyms                   "... Studies (CSIS)" defines CSIS; initials match too
//   alias table                UN / United Nations (data/extract/aliases.tsv)
#ifndef CORROBORATE_EXTRACT_ENTITIES_H_
#define CORROBORATE_EXTRACT_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "corroborate/base/span.h"

namespace corroborate::extract {

enum class EntityType : uint8_t { kPerson, kOrganization, kPlace, kOther };
const char* EntityTypeName(EntityType t);  // "person", "organization", "place", "other"

struct EntityMention {
  Span span;             // normalised text
  std::string name;      // as written, without a leading "the" or a possessive
  EntityType type = EntityType::kOther;
  bool titled = false;   // preceded by a title: "President Volodymyr Zelenskyy"
  std::string defines;   // the acronym a "(CSIS)" right after the name defines
  uint32_t token_begin = 0;  // token indices within the sentence
  uint32_t token_end = 0;
};

// Entities in text[sentence]. `known` holds words the article capitalises in mid-sentence
// (so a sentence-initial "Zelensky" counts and "Analysts" does not); it may be null.
// In a `headline` (title case), capitals say nothing, so only known words and places count.
std::vector<EntityMention> ExtractEntities(std::string_view text, Span sentence,
                                           const std::unordered_set<std::string>* known = nullptr,
                                           bool headline = false);

// The key names are merged on: folded (lower case, no accents), British spellings made
// American, "the" dropped; person surnames also get transliteration folding.
std::string NameKey(std::string_view name);
std::string SurnameKey(std::string_view surname);

struct Entity {
  std::string name;  // the canonical name: the fullest, most frequent form
  EntityType type = EntityType::kOther;
  std::vector<std::string> aliases;  // other forms seen, sorted
  uint32_t mentions = 0;
};

// Merges the entity mentions of a story into entities. Add all mentions, then Resolve().
class EntityResolver {
 public:
  void Add(const EntityMention& m);
  void Resolve();

  // The entity a name refers to (by the same alias rules), or -1.
  int Find(std::string_view name) const;
  const std::vector<Entity>& entities() const { return entities_; }
  // True when one entity's name extends the other's ("United Nations" and "United Nations
  // Human Rights Monitoring Mission in Ukraine"): the same source for attribution.
  bool Related(int a, int b) const;

 private:
  struct Surface {
    std::string name;
    std::string key;
    uint32_t count = 0;
    uint32_t person_votes = 0;
    uint32_t org_votes = 0;
    uint32_t place_votes = 0;
    uint32_t first_seen = 0;
    std::vector<std::string> forms;  // other spellings folded into this key ("Ukrainian")
  };
  int Root(int i) const;
  void Union(int a, int b);

  std::vector<Surface> surfaces_;
  std::unordered_map<std::string, int> by_key_;
  std::vector<std::pair<std::string, std::string>> acronyms_;  // acronym, long-name key
  mutable std::vector<int> parent_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string, int> entity_by_key_;
  std::vector<std::string> entity_keys_;
  bool resolved_ = false;
};

}  // namespace corroborate::extract

#endif  // CORROBORATE_EXTRACT_ENTITIES_H_
