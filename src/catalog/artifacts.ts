/** Calls that load a model, dataset or prompt from a hub, and where their version lives. */
export interface ArtifactShape {
  type: string;
  python?: string[];
  ts?: string[];
  /** Slot of the artifact's name (see sdk-calls.ts slots). */
  name: string[];
  /** Slots that pin a version; absent means the load floats. */
  revision: string[];
}

export const artifactShapes: readonly ArtifactShape[] = [
  { type: 'hf-model', python: ['transformers.**.*.from_pretrained', 'diffusers.**.*.from_pretrained', 'peft.**.*.from_pretrained'], name: ['arg:0', 'kw:pretrained_model_name_or_path'], revision: ['kw:revision'] },
  { type: 'hf-model', python: ['transformers.pipeline'], name: ['kw:model', 'arg:1'], revision: ['kw:revision'] },
  { type: 'sentence-transformer', python: ['sentence_transformers.{SentenceTransformer,CrossEncoder}'], name: ['arg:0', 'kw:model_name_or_path'], revision: ['kw:revision'] },
  { type: 'hf-dataset', python: ['datasets.load_dataset'], name: ['arg:0', 'kw:path'], revision: ['kw:revision'] },
  { type: 'hf-file', python: ['huggingface_hub.{hf_hub_download,snapshot_download}'], name: ['kw:repo_id', 'arg:0'], revision: ['kw:revision'] },
  { type: 'mlflow-model', python: ['mlflow.**.load_model'], name: ['arg:0', 'kw:model_uri'], revision: [] },
  { type: 'prompt-hub', python: ['langchain.hub.pull', 'langsmith.Client().pull_prompt'], ts: ['langchain/hub.pull'], name: ['arg:0'], revision: [] },
  { type: 'prompt-hub', python: ['mlflow.genai.load_prompt', 'mlflow.load_prompt'], name: ['arg:0', 'kw:name_or_uri'], revision: ['kw:version'] },
  { type: 'hf-model', ts: ['@huggingface/transformers.pipeline', '@xenova/transformers.pipeline'], name: ['arg:1'], revision: ['obj:2.revision'] },
];

/** File extensions of model weights and serialised artifacts. */
export const modelFileExtensions: readonly string[] = ['.safetensors', '.bin', '.pt', '.pth', '.ckpt', '.onnx', '.gguf', '.ggml', '.pkl', '.joblib', '.h5', '.keras', '.tflite', '.mlmodel', '.npz'];
