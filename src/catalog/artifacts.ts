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

/**
 * Calls that write a trained model to a local path (`model-save`) and calls
 * that record models with a registry or experiment tracker (`model-lineage`),
 * for GD406. Method names are specific enough to match on an unresolved
 * receiver (`?.save_pretrained`); `object` is the slot of the saved object,
 * `receiver` when the object is the method's receiver.
 */
export interface PersistenceShape {
  type: 'model-save' | 'model-lineage';
  python: string[];
  /** Slot of the saved object, or `receiver`. */
  object?: string;
  /** Slots of the destination path. */
  path: string[];
}

export const persistenceShapes: readonly PersistenceShape[] = [
  { type: 'model-save', python: ['torch.save'], object: 'arg:0', path: ['arg:1', 'kw:f'] },
  { type: 'model-save', python: ['joblib.dump'], object: 'arg:0', path: ['arg:1', 'kw:filename'] },
  { type: 'model-save', python: ['pickle.dump', 'dill.dump', 'cloudpickle.dump'], object: 'arg:0', path: ['arg:1', 'kw:file'] },
  { type: 'model-save', python: ['safetensors.torch.save_file', 'safetensors.torch.save_model'], object: 'arg:0', path: ['arg:1', 'kw:filename'] },
  { type: 'model-save', python: ['**.save_pretrained', '**.save_model', '**.save_weights'], object: 'receiver', path: ['arg:0', 'kw:save_directory', 'kw:output_dir', 'kw:fname', 'kw:filepath'] },
  // Keras `model.save(path)`: `save` is a common name, so only model-like receivers count (the rule checks).
  { type: 'model-save', python: ['?.save', 'keras.**.save', 'tensorflow.**.save'], object: 'receiver', path: ['arg:0', 'kw:filepath'] },
  { type: 'model-lineage', python: ['mlflow.**.log_model', 'mlflow.log_artifact', 'mlflow.log_artifacts', 'mlflow.register_model', 'mlflow.**.autolog', 'mlflow.autolog'], path: [] },
  { type: 'model-lineage', python: ['wandb.log_artifact', 'wandb.log_model', 'wandb.use_artifact', 'wandb.Artifact', 'wandb.**.log_artifact', 'wandb.**.log_model'], path: [] },
  { type: 'model-lineage', python: ['**.log_model', '**.log_artifact', '**.log_artifacts', '**.use_artifact', '**.register_model', '**.push_to_hub'], path: [] },
  { type: 'model-lineage', python: ['huggingface_hub.**.{upload_file,upload_folder,create_commit}', 'huggingface_hub.{upload_file,upload_folder,create_commit}', 'dvc.api.**', 'neptune.**.upload', 'clearml.**.update_output_model'], path: [] },
];
