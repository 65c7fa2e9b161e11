package news.masthead.kernel.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.errors.ApiException;
import news.masthead.kernel.errors.ProblemMapper;
import news.masthead.kernel.errors.Validation;

/**
 * PATCH as "merge the patch into the current writable fields, then PUT the result": the merged
 * document is read with the same strict rules as a request body and validated as a whole.
 */
@ApplicationScoped
public class Patching {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validation validation;

    public <T> T merge(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException.InvalidRequest("A merge patch must be a JSON object.");
        }
        JsonNode merged = MergePatch.apply(mapper.valueToTree(current), patch);
        try {
            return validation.valid(mapper.treeToValue(merged, type));
        } catch (JsonProcessingException e) {
            throw ProblemMapper.toInvalidRequest(e);
        }
    }
}
